package io.stagewire.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A client of the gateway's WebSocket, as any non-browser client would connect: bearer token in the header, JSON text
 * frames. Keeps every frame it receives, in order, and a close or error as a frame {@code _closed}/{@code _error}.
 */
public final class GatewayConnection implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final List<JsonNode> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();

    private GatewayConnection(String accessToken) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + accessToken)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(RunningStack.GATEWAY_WS), new Listener())
                .orTimeout(15, TimeUnit.SECONDS)
                .join();
    }

    public static GatewayConnection open(String accessToken) {
        return new GatewayConnection(accessToken);
    }

    /** Subscribes and waits for the {@code subscribed} answer (and the snapshot that follows one without since). */
    public void subscribe(String channel) {
        subscribe(channel, null);
    }

    /** Subscribes resuming after {@code since} (a position this channel delivered; null: from now, with a snapshot). */
    public void subscribe(String channel, String since) {
        ObjectNode op = JSON.createObjectNode().put("op", "subscribe").put("channel", channel);
        if (since != null) {
            op.put("since", since);
        }
        socket.sendText(op.toString(), true).join();
        await(f -> "subscribed".equals(f.path("type").asText()) && channel.equals(f.path("channel").asText()),
                Duration.ofSeconds(15));
    }

    /** Waits until a frame matches, and returns it. */
    public JsonNode await(Predicate<JsonNode> frame, Duration timeout) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            found[0] = frames().stream().filter(frame).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** The event frames (not subscribed/snapshot/pong/error) of one job, in the order received. */
    public List<JsonNode> eventsOf(String jobId) {
        return frames().stream().filter(f -> jobId.equals(f.path("jobId").asText()) && f.has("position")).toList();
    }

    /** The position of the last event received on {@code channel}: what a client resumes with. */
    public String lastPosition(String channel) {
        List<JsonNode> all = frames();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (channel.equals(all.get(i).path("channel").asText()) && all.get(i).has("position")) {
                return all.get(i).path("position").asText();
            }
        }
        return null;
    }

    public List<JsonNode> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode frame = JSON.readTree(partial.toString());
                    synchronized (frames) {
                        frames.add(frame);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("the gateway sent a frame that is not JSON: " + partial, e);
                } finally {
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        // Kept as frames of their own (no channel, no position), so that a test that waited in vain can say why.
        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            record(JSON.createObjectNode().put("type", "_closed").put("code", statusCode).put("reason", reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            record(JSON.createObjectNode().put("type", "_error").put("error", error.toString()));
        }

        private void record(JsonNode frame) {
            synchronized (frames) {
                frames.add(frame);
            }
        }
    }
}
