package io.stagewire.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.gateway.support.Events;
import io.stagewire.gateway.support.JobApiDouble;
import io.stagewire.testing.ForgedTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SSE: same auth, {@code id:} is the position, {@code Last-Event-ID} resumes exactly. */
@QuarkusTest
@QuarkusTestResource(JobApiDouble.class)
class SseTest extends GatewayTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void streamsEventsWithPositionsAsIdsAndResumesFromLastEventId() throws Exception {
        String jobId = Events.newJobId();
        String bob = sub("bob");
        JobApiDouble.putJob(jobId, bob, "running", null);
        List<Events.Sent> sent = new ArrayList<>();
        try (SseStream stream = open("/sse/jobs/" + jobId, token("bob"), null)) {
            assertThat(stream.statusCode).isEqualTo(200);
            assertThat(stream.next().get("event")).isEqualTo("subscribed");
            assertThat(stream.next().get("event")).isEqualTo("snapshot");
            for (int i = 0; i < 3; i++) {
                sent.add(Events.notification(jobId, bob, "sse " + i));
            }
            for (Events.Sent event : sent) {
                Map<String, String> got = stream.next();
                assertThat(got.get("event")).isEqualTo("system:notification");
                assertThat(got.get("id")).isEqualTo(event.position());
                assertThat(got.get("data")).contains("\"id\":\"" + event.id() + "\"");
            }
        }
        sent.add(Events.notification(jobId, bob, "while away"));
        try (SseStream stream = open("/sse/jobs/" + jobId, token("bob"), sent.get(1).position())) {
            assertThat(stream.next().get("event")).isEqualTo("subscribed");
            assertThat(stream.next().get("id")).isEqualTo(sent.get(2).position());
            assertThat(stream.next().get("id")).isEqualTo(sent.get(3).position());
            sent.add(Events.notification(jobId, bob, "live again"));
            assertThat(stream.next().get("id")).isEqualTo(sent.get(4).position());
        }
    }

    @Tag("attack")
    @Test
    void sameAuthorisationAsTheWebSocket() throws Exception {
        String jobId = Events.newJobId();
        JobApiDouble.putJob(jobId, sub("bob"), "running", null);
        try (SseStream stream = open("/sse/jobs/" + jobId, null, null)) {
            assertThat(stream.statusCode).isEqualTo(401);
        }
        try (SseStream stream = open("/sse/jobs/" + jobId, token("carol"), null)) {
            assertThat(stream.statusCode).isEqualTo(403);
        }
        try (SseStream stream = open("/sse/users/" + sub("bob"), token("carol"), null)) {
            assertThat(stream.statusCode).isEqualTo(403);
        }
        try (SseStream stream = open("/sse/jobs/" + jobId, token("bob"), "not-a-position")) {
            assertThat(stream.statusCode).isEqualTo(400);
        }
        try (SseStream stream = open("/sse/users/" + sub("bob"), token("bob"), null)) {
            assertThat(stream.statusCode).isEqualTo(200);
            assertThat(stream.next().get("event")).isEqualTo("subscribed");
        }
    }

    @Tag("attack")
    @Test
    void forgedForeignExpiredAndUrlTokensAreRefusedWith401() throws Exception {
        for (Map.Entry<String, String> forged : ForgedTokens.all("bob").entrySet()) {
            try (SseStream stream = open("/sse/users/" + sub("bob"), forged.getValue(), null)) {
                assertThat(stream.statusCode).as(forged.getKey()).isEqualTo(401);
            }
        }
        try (SseStream stream = open("/sse/users/" + sub("bob") + "?access_token=" + token("bob"), null, null)) {
            assertThat(stream.statusCode).as("token as a query parameter").isEqualTo(401);
        }
    }

    private SseStream open(String path, String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        return new SseStream(response);
    }

    /** Reads an event stream into events (maps of field to value) on a thread of its own. */
    private static final class SseStream implements AutoCloseable {
        final int statusCode;
        private final BlockingQueue<Map<String, String>> events = new LinkedBlockingQueue<>();
        private final Stream<String> lines;

        SseStream(HttpResponse<Stream<String>> response) {
            this.statusCode = response.statusCode();
            this.lines = response.body();
            Thread reader = new Thread(() -> {
                Map<String, String> event = new HashMap<>();
                try {
                    for (String line : (Iterable<String>) lines::iterator) {
                        if (line.isEmpty()) {
                            if (!event.isEmpty()) {
                                events.add(event);
                            }
                            event = new HashMap<>();
                        } else if (!line.startsWith(":")) {
                            int colon = line.indexOf(':');
                            String field = colon < 0 ? line : line.substring(0, colon);
                            String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
                            event.merge(field, value, (a, b) -> a + "\n" + b);
                        }
                    }
                } catch (RuntimeException closed) {
                    // The test closed the stream.
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        Map<String, String> next() throws InterruptedException {
            Map<String, String> event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                // The gateway runs in this JVM: say what its set-up and consumer threads were doing (a rare CI timeout here).
                throw new AssertionError("no SSE event within " + WAIT + "; gateway threads:\n"
                        + io.stagewire.gateway.support.ThreadDump.of("subscription-setup", "job-events", "vert.x-eventloop", "executor-thread"));
            }
            return event;
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
