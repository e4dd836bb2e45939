package io.stagewire.gateway;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.gateway.support.JobApiDouble;
import io.stagewire.gateway.support.RawWsClient;
import io.stagewire.gateway.support.WsClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of bad client input gets a precise error (or 1009), and the gateway stays up. */
@Tag("attack")
@QuarkusTest
@QuarkusTestResource(JobApiDouble.class)
class BadInputTest extends GatewayTest {

    @Test
    void badFramesGetPreciseErrorsAndTheConnectionStays() {
        try (WsClient client = connect("bob")) {
            assertError(client, "{\"op\":", "bad_request", "malformed JSON");
            assertError(client, "[1,2]", "bad_request", "JSON object");
            assertError(client, "{\"channel\":\"job:x\"}", "bad_request", "missing \"op\"");
            JsonNode unknown = assertError(client, "{\"op\":\"publish\",\"channel\":\"job:x\"}", "bad_request", "unknown op 'publish'");
            assertThat(unknown.path("op").asText()).isEqualTo("publish");
            assertError(client, "{\"op\":\"subscribe\"}", "bad_request", "missing \"channel\"");
            for (String channel : List.of("job:", "foo:bar", "job:has space", "user:", "job:" + "x".repeat(129), "job:.", "job:..")) {
                assertError(client, "{\"op\":\"subscribe\",\"channel\":\"" + channel + "\"}", "bad_request", "bad channel name");
            }
            assertError(client, "{\"op\":\"subscribe\",\"channel\":\"job:abc\",\"since\":\"yesterday\"}", "bad_request", "\"since\"");
            assertError(client, "{\"op\":\"subscribe\",\"channel\":\"user:" + sub("bob") + "\",\"since\":\"3-4\"}", "bad_request", "\"since\"");
            assertError(client, "{\"op\":\"subscribe\",\"channel\":\"job:abc\",\"since\":42}", "bad_request", "\"since\"");
            assertError(client, "{\"op\":\"subscribe\",\"channel\":\"job:a\\u0000b\"}", "bad_request", "bad channel name");
            assertError(client, "{\"op\":\"subscribe\",\"channel\":\"user:a\\u0000b\"}", "bad_request", "bad channel name");
            for (String since : List.of("7-99999999999999999999", "99999999999-1", "0-9223372036854775807", "1\\u0000-2",
                    "0-1~", "0-1~a-b", "0-1~" + "e".repeat(33), "0-1~~9f3a61c2")) {
                assertError(client, "{\"op\":\"subscribe\",\"channel\":\"job:abc\",\"since\":\"" + since + "\"}", "bad_request", "\"since\"");
            }
            for (String since : List.of("U.zzzzzzzzzzzzzz", "U." + "1.".repeat(3000), "U.-1", "U\\u0000", "U.1~", "U.1~x.y")) {
                assertError(client, "{\"op\":\"subscribe\",\"channel\":\"user:" + sub("bob") + "\",\"since\":\"" + since + "\"}",
                        "bad_request", "\"since\"");
            }
            // The channel is named, so that a client can tell which of its unsubscribes this answers.
            assertThat(assertError(client, "{\"op\":\"unsubscribe\",\"channel\":\"job:never\"}", "not_found", "not subscribed")
                    .path("channel").asText()).isEqualTo("job:never");
            client.send("{\"op\":\"ping\"}");
            assertThat(client.next(WAIT).path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void doubleSubscribeIsRefused() {
        try (WsClient client = connect("bob")) {
            client.subscribe("user:" + sub("bob"));
            subscribed(client, "user:" + sub("bob"));
            // bob's channel carries every event of bob's jobs, whatever else runs: the answers are the frames that
            // are not events.
            client.nextMatching(f -> "snapshot".equals(f.path("type").asText()), WAIT);
            client.subscribe("user:" + sub("bob"));
            JsonNode error = client.nextMatching(BadInputTest::notAnEvent, WAIT);
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("code").asText()).isEqualTo("bad_request");
            assertThat(error.path("message").asText()).contains("already subscribed");
            client.send("{\"op\":\"unsubscribe\",\"channel\":\"user:" + sub("bob") + "\"}");
            assertThat(client.nextMatching(BadInputTest::notAnEvent, WAIT).path("type").asText()).isEqualTo("unsubscribed");
        }
    }

    @Test
    void oversizeFrameClosesWith1009AndTheServerStaysUp() throws Exception {
        try (RawWsClient client = new RawWsClient(ws(), token("bob"), 65536)) {
            client.sendText("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(20_000) + "\"}");
            assertThat(client.readUntilClosed().closeCode()).isEqualTo(1009);
        }
        try (WsClient client = connect("bob")) {
            client.send("{\"op\":\"ping\"}");
            assertThat(client.next(WAIT).path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void frameOver64KiBClosesWith1009() throws Exception {
        // A message over 64 KiB in smaller frames.
        try (RawWsClient client = new RawWsClient(ws(), token("bob"), 65536)) {
            client.sendFragmented("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(100_000) + "\"}", 16_384);
            assertThat(client.readUntilClosed().closeCode()).isEqualTo(1009);
        }
        // Over the transport's 64 KiB frame limit (issue 10: it was dropped silently, the connection stayed).
        try (RawWsClient client = new RawWsClient(ws(), token("bob"), 65536)) {
            client.sendText("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertThat(client.readUntilClosed().closeCode()).isEqualTo(1009);
        }
    }

    @Test
    void binaryFramesAreRefused() throws Exception {
        try (WsClient client = connect("bob")) {
            client.sendBinary(new byte[] {1, 2, 3});
            assertThat(client.next(WAIT).path("code").asText()).isEqualTo("bad_request");
        }
    }

    @Test
    void tooManySubscriptionsOnOneConnection() {
        try (WsClient admin = connect("alice")) {
            for (int i = 0; i < 8; i++) {
                admin.subscribe("user:limit-test-" + i);
                subscribed(admin, "user:limit-test-" + i);
                assertThat(admin.next(WAIT).path("type").asText()).isEqualTo("snapshot");
            }
            admin.subscribe("user:limit-test-8");
            JsonNode error = admin.next(WAIT);
            assertThat(error.path("code").asText()).isEqualTo("too_many_subscriptions");
            assertThat(error.path("channel").asText()).isEqualTo("user:limit-test-8");
            admin.send("{\"op\":\"unsubscribe\",\"channel\":\"user:limit-test-0\"}");
            assertThat(admin.next(WAIT).path("type").asText()).isEqualTo("unsubscribed");
            admin.subscribe("user:limit-test-8");
            subscribed(admin, "user:limit-test-8");
        }
    }

    @Test
    void tooManyOperationsPerSecondAreRateLimited() {
        try (WsClient client = connect("bob")) {
            for (int i = 0; i < 80; i++) {
                client.send("{\"op\":\"ping\"}");
            }
            List<JsonNode> answers = new java.util.ArrayList<>();
            while (answers.size() < 80) {
                answers.add(client.next(WAIT));
            }
            long pongs = answers.stream().filter(a -> "pong".equals(a.path("type").asText())).count();
            long limited = answers.stream().filter(a -> "rate_limited".equals(a.path("code").asText())).count();
            assertThat(pongs + limited).isEqualTo(80);
            assertThat(limited).isGreaterThanOrEqualTo(30);
            assertThat(answers.stream().filter(a -> "rate_limited".equals(a.path("code").asText())).findFirst().orElseThrow()
                    .path("op").asText()).isEqualTo("ping");
            sleep(Duration.ofMillis(1200));
            client.send("{\"op\":\"ping\"}");
            assertThat(client.next(WAIT).path("type").asText()).as("the bucket refills").isEqualTo("pong");
        }
    }

    private static JsonNode assertError(WsClient client, String frame, String code, String messagePart) {
        client.send(frame);
        JsonNode error = client.next(WAIT);
        assertThat(error.path("type").asText()).as(frame).isEqualTo("error");
        assertThat(error.path("code").asText()).as(frame).isEqualTo(code);
        assertThat(error.path("message").asText()).as(frame).contains(messagePart);
        return error;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Event frames carry the job they belong to; answers to operations do not. */
    private static boolean notAnEvent(JsonNode frame) {
        return !frame.has("jobId");
    }
}
