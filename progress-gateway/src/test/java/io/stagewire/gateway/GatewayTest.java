package io.stagewire.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.stagewire.gateway.support.Jwt;
import io.stagewire.gateway.support.WsClient;
import io.stagewire.testing.Tokens;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** What the gateway's tests share: the real endpoint, real tokens from the running Keycloak. */
public abstract class GatewayTest {
    protected static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/ws")
    URI wsHttp;

    @TestHTTPResource("/")
    protected URI base;

    /**
     * The gateway reads the retained job.events for job owners before it goes live (readiness DOWN
     * meanwhile); tests start once it is ready, as a load balancer would send traffic.
     */
    @org.junit.jupiter.api.BeforeEach
    void awaitReady() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            java.net.http.HttpResponse<String> ready = http.send(java.net.http.HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (ready.statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gateway not ready within 60 s");
    }

    protected URI ws() {
        return URI.create(wsHttp.toString().replaceFirst("^http", "ws"));
    }

    protected static String token(String user) {
        return Tokens.accessToken(user);
    }

    protected static String sub(String user) {
        return Jwt.sub(token(user));
    }

    protected WsClient connect(String user) {
        return WsClient.connect(ws(), token(user));
    }

    /** Subscribes and returns the {@code subscribed} frame (skipping nothing else: it must be first). */
    protected static JsonNode subscribed(WsClient client, String channel) {
        JsonNode frame = client.next(WAIT);
        if (!"subscribed".equals(frame.path("type").asText()) || !channel.equals(frame.path("channel").asText())) {
            throw new AssertionError("expected subscribed to " + channel + ", got " + frame);
        }
        return frame;
    }

    /**
     * Waits until the gateway at {@code ws} has dispatched {@code event}: an admin's snapshot of
     * the job (from what the gateway saw, job-api not knowing the job) reaches its position.
     */
    protected static void awaitDispatched(URI ws, String jobId, io.stagewire.gateway.support.Events.Sent event) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (WsClient admin = WsClient.connect(ws, token("alice"))) {
            while (System.nanoTime() < deadline) {
                admin.subscribe("job:" + jobId);
                JsonNode first = admin.next(WAIT);
                if ("subscribed".equals(first.path("type").asText())) {
                    JsonNode snapshot = admin.next(WAIT);
                    admin.send("{\"op\":\"unsubscribe\",\"channel\":\"job:" + jobId + "\"}");
                    admin.nextMatching(frame -> "unsubscribed".equals(frame.path("type").asText()), WAIT);
                    if (event.position().equals(snapshot.path("position").asText())) {
                        return;
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new AssertionError("gateway did not dispatch " + event + " of " + jobId);
    }

    protected static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.path("id").asText()).toList();
    }

    protected static List<String> positions(List<JsonNode> events) {
        return events.stream().map(e -> e.path("position").asText()).toList();
    }
}
