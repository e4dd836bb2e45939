package io.stagewire.gateway.http;

import io.stagewire.events.StageEventJson;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 9457 problem details, shaped like job-api's (docs/api.md). */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://stagewire.io/problems/";

    private Problems() {
    }

    public static String json(String type, String title, int status, String detail, String instance) {
        ObjectNode problem = StageEventJson.object();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (instance != null) {
            problem.put("instance", instance);
        }
        return problem.toString();
    }
}
