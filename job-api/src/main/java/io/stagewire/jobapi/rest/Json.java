package io.stagewire.jobapi.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.StageEventJson;

/** Stored JSON columns back into trees for the API, read with the one event mapper (prices keep their scale). */
final class Json {
    private Json() {
    }

    /** A typed JSON column as the API shows it. */
    static JsonNode treeOf(Object value) {
        return value == null ? null : StageEventJson.mapper().valueToTree(value);
    }

    static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return StageEventJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }
}
