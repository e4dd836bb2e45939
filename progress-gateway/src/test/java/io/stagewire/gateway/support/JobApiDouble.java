package io.stagewire.gateway.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for job-api (an external service to the gateway, not running in these tests): a
 * real HTTP server answering the three URLs the gateway calls, with job-api's rules — a job is
 * visible to its owner and to admins, 404 otherwise. Tests put the jobs it should know.
 */
public class JobApiDouble implements QuarkusTestResourceLifecycleManager {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ObjectNode> JOBS = new ConcurrentHashMap<>();
    private static final Map<String, List<ObjectNode>> HISTORY = new ConcurrentHashMap<>();
    private static volatile boolean down;
    private Vertx vertx;
    private HttpServer server;

    /** job-api knows this job: owner, status and the position of the last event it applied (may be null). */
    public static ObjectNode putJob(String jobId, String owner, String status, String position) {
        ObjectNode job = JSON.createObjectNode();
        job.put("id", jobId);
        job.put("userId", owner);
        job.put("status", status);
        job.put("stage", "crawl");
        job.put("progress", 10);
        job.put("position", position);
        JOBS.put(jobId, job);
        return job;
    }

    public static void putHistory(String jobId, List<ObjectNode> items) {
        HISTORY.put(jobId, items);
    }

    /** Makes every call fail with 503, as a job-api that is down. */
    public static void setDown(boolean isDown) {
        down = isDown;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/api/jobs/:id/events").handler(this::events);
        router.get("/api/jobs/:id").handler(this::job);
        router.get("/api/jobs").handler(this::jobs);
        try {
            server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("job-api double did not start", e);
        }
        return Map.of("stagewire.job-api.url", "http://127.0.0.1:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    private void job(RoutingContext ctx) {
        ObjectNode job = visible(ctx, ctx.pathParam("id"));
        if (job != null) {
            reply(ctx, job);
        }
    }

    private void jobs(RoutingContext ctx) {
        String token = token(ctx);
        if (token == null) {
            return;
        }
        // As job-api: own jobs (all for admin), optionally one owner's, 'active' = not final, paged.
        String owner = ctx.request().getParam("userId");
        int page = Integer.parseInt(ctx.request().getParam("page", "0"));
        int size = Integer.parseInt(ctx.request().getParam("size", "20"));
        ArrayNode items = JSON.createArrayNode();
        JOBS.values().stream()
                .filter(job -> Jwt.isAdmin(token) || job.path("userId").asText().equals(Jwt.sub(token)))
                .filter(job -> owner == null || job.path("userId").asText().equals(owner))
                .filter(job -> !"active".equals(ctx.request().getParam("status"))
                        || !List.of("completed", "failed", "cancelled").contains(job.path("status").asText()))
                .skip((long) page * size)
                .limit(size)
                .forEach(items::add);
        reply(ctx, JSON.createObjectNode().set("items", items));
    }

    private void events(RoutingContext ctx) {
        String jobId = ctx.pathParam("id");
        if (visible(ctx, jobId) == null) {
            return;
        }
        String after = ctx.request().getParam("after");
        int limit = Integer.parseInt(ctx.request().getParam("limit", "100"));
        List<ObjectNode> page = new ArrayList<>();
        for (ObjectNode item : HISTORY.getOrDefault(jobId, List.of())) {
            long offset = Long.parseLong(item.path("position").asText().split("-")[1]);
            if ((after == null || offset > Long.parseLong(after.split("-")[1])) && page.size() < limit) {
                page.add(item);
            }
        }
        ArrayNode items = JSON.createArrayNode();
        page.forEach(items::add);
        reply(ctx, JSON.createObjectNode().set("items", items));
    }

    private ObjectNode visible(RoutingContext ctx, String jobId) {
        String token = token(ctx);
        if (token == null) {
            return null;
        }
        ObjectNode job = JOBS.get(jobId);
        if (job == null || !(Jwt.isAdmin(token) || job.path("userId").asText().equals(Jwt.sub(token)))) {
            ctx.response().setStatusCode(404).end();
            return null;
        }
        return job;
    }

    private static String token(RoutingContext ctx) {
        if (down) {
            ctx.response().setStatusCode(503).end();
            return null;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            ctx.response().setStatusCode(401).end();
            return null;
        }
        return header.substring("Bearer ".length());
    }

    private static void reply(RoutingContext ctx, ObjectNode body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body.toString());
    }
}
