package io.stagewire.gateway;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stagewire.gateway.support.Events;
import io.stagewire.gateway.support.JobApiDouble;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Generated SSE requests (jqwik's generators, sampled: new every run): channels of every shape, ids and subs of any
 * text, {@code Last-Event-ID}s that are positions, positions of other channels and epochs, and anything else, every
 * query, Accept header and credential (another user's, none, broken, tampered). Every answer is a documented one
 * (docs/protocol.md): a stream that starts with {@code subscribed} for a channel the caller may read, or an RFC 9457
 * problem naming its status and reason; afterwards the gateway serves a fresh stream with live events.
 */
@Tag("attack")
@QuarkusTest
@TestProfile(ClientFrameFuzzTest.Unthrottled.class)
@QuarkusTestResource(JobApiDouble.class)
class SseRequestFuzzTest extends GatewayTest {
    private static final int REQUESTS = 600;
    /** docs/protocol.md, SSE: the statuses before a stream starts (404: no such route or job). */
    private static final Set<Integer> DOCUMENTED = Set.of(200, 400, 401, 403, 404, 406, 429);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Request(String path, String authorization, String accept, String lastEventId) {
    }

    @Test
    void generatedRequestsGetDocumentedAnswersAndTheGatewayKeepsServing() throws Exception {
        String bob = sub("bob");
        String carol = sub("carol");
        String bobsJob = Events.newJobId();
        String carolsJob = Events.newJobId();
        JobApiDouble.putJob(bobsJob, bob, "running", null);
        JobApiDouble.putJob(carolsJob, carol, "running", null);
        Events.Sent earlier = Events.notification(bobsJob, bob, "before the fuzz");
        List<Request> requests = requests(bob, carol, bobsJob, carolsJob, earlier.position())
                .sampleStream().limit(REQUESTS).toList();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();

        for (Request request : requests) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path())).timeout(WAIT).GET();
            if (request.authorization() != null) {
                builder.header("Authorization", request.authorization());
            }
            if (request.accept() != null) {
                builder.header("Accept", request.accept());
            }
            if (request.lastEventId() != null) {
                builder.header("Last-Event-ID", request.lastEventId());
            }
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            try (InputStream body = response.body()) {
                assertThat(status).as("%s", request).isIn(DOCUMENTED);
                if (status == 200) {
                    Map<String, String> first = firstEvent(body);
                    assertThat(first.get("event")).as("%s: %s", request, first).isIn("subscribed", "error");
                    if (first.get("event").equals("subscribed")) {
                        String channel = JSON.readTree(first.get("data")).path("channel").asText();
                        // Only the caller's own: bob's job and channel with bob's token, carol's with hers.
                        Set<String> readable = request.authorization().equals("Bearer " + token("bob"))
                                ? Set.of("job:" + bobsJob, "user:" + bob) : Set.of("job:" + carolsJob, "user:" + carol);
                        assertThat(request.authorization()).as("%s", request).isIn("Bearer " + token("bob"), "Bearer " + token("carol"));
                        assertThat(channel).as("%s", request).isIn(readable);
                    }
                } else {
                    String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(response.headers().firstValue("Content-Type")).as("%s: %s %s", request, status, text)
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                    JsonNode problem = JSON.readTree(text);
                    assertThat(problem.path("status").asInt()).as("%s: %s", request, text).isEqualTo(status);
                    assertThat(problem.path("detail").asText()).as("%s: %s", request, text).isNotBlank();
                }
            }
        }
        System.out.printf("SseRequestFuzzTest: %d requests in %d ms, statuses %s%n", REQUESTS,
                (System.nanoTime() - started) / 1_000_000, statuses);
        assertThat(statuses.keySet()).contains(200, 400, 401, 403);

        // The gateway still serves: a fresh stream of bob's job resumes after the earlier event and gets a live one.
        HttpResponse<InputStream> fresh = http.send(HttpRequest.newBuilder(base.resolve("/sse/jobs/" + bobsJob))
                .header("Authorization", "Bearer " + token("bob")).header("Accept", "text/event-stream")
                .header("Last-Event-ID", earlier.position()).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(fresh.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(fresh.body(), StandardCharsets.UTF_8))) {
            assertThat(readEvent(lines).get("event")).isEqualTo("subscribed");
            Events.Sent live = Events.notification(bobsJob, bob, "after the fuzz");
            assertThat(readEvent(lines).get("id")).isEqualTo(live.position());
        }
    }

    private static Arbitrary<Request> requests(String bob, String carol, String bobsJob, String carolsJob, String position) {
        Arbitrary<String> channelPath = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just("/sse/jobs/" + bobsJob)),
                Tuple.of(2, Arbitraries.just("/sse/users/" + encode(bob))),
                Tuple.of(1, Arbitraries.just("/sse/jobs/" + carolsJob)),
                Tuple.of(1, Arbitraries.just("/sse/users/" + encode(carol))),
                Tuple.of(1, Arbitraries.just("/sse/jobs/" + Events.newJobId())),
                Tuple.of(3, texts().map(t -> "/sse/jobs/" + encode(t))),
                Tuple.of(2, texts().map(t -> "/sse/users/" + encode(t))),
                Tuple.of(1, Combinators.combine(texts(), texts()).as((a, b) -> "/sse/" + encode(a) + "/" + encode(b))));
        Arbitrary<String> query = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.of("true", "false", "1", "yes", "").map(v -> "?conflate=" + v)),
                Tuple.of(1, Combinators.combine(texts(), texts()).as((k, v) -> "?" + encode(k) + "=" + encode(v))));
        String bobToken = "Bearer " + token("bob");
        String[] parts = token("bob").split("\\.");
        Arbitrary<String> authorization = Arbitraries.frequency(
                Tuple.of(8, bobToken),
                Tuple.of(1, "Bearer " + token("carol")),
                Tuple.of(1, "Bearer " + parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse()),
                Tuple.of(1, "Bearer e30.e30."),
                Tuple.of(1, "Basic Ym9iOmJvYg=="),
                Tuple.of(1, "Bearer"));
        Arbitrary<String> nullableAuthorization = Arbitraries.oneOf(authorization, authorization, authorization, Arbitraries.just(null));
        Arbitrary<String> accept = Arbitraries.frequency(Tuple.of(8, "text/event-stream"), Tuple.of(1, "application/json"),
                Tuple.of(1, "*/*"), Tuple.of(1, "text/html"));
        Arbitrary<String> nullableAccept = Arbitraries.oneOf(accept, accept, accept, Arbitraries.just(null));
        Arbitrary<String> lastEventId = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(null)),
                Tuple.of(2, Arbitraries.just(position)),
                Tuple.of(1, Arbitraries.of("0-0", "7-1042", "7-1042~deadbeef", "7-1042~", "-1--1", "99999999999999999999-1",
                        "1-99999999999999999999", position.replaceFirst("~.*", "~00000000"), position + "x")),
                Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200)));
        return Combinators.combine(channelPath, query, nullableAuthorization, nullableAccept, lastEventId)
                .as((path, q, auth, acc, last) -> new Request(path + q, auth, acc, last));
    }

    private static Arbitrary<String> texts() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)),
                Tuple.of(3, Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(200).ofMaxLength(1000)));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The stream's first event, read within {@link #WAIT}. */
    private static Map<String, String> firstEvent(InputStream body) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return readEvent(lines);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static Map<String, String> readEvent(BufferedReader lines) throws java.io.IOException {
        Map<String, String> event = new java.util.HashMap<>();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (!event.isEmpty()) {
                    return event;
                }
            } else if (!line.startsWith(":")) {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
                event.merge(field, value, (a, b) -> a + "\n" + b);
            }
        }
        throw new AssertionError("the stream ended before an event: " + event);
    }
}
