package io.stagewire.gateway;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.gateway.support.JobApiDouble;
import io.stagewire.gateway.support.RawHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Malformed input from outside is a 4xx with the reason, never a 500 (issue 10): bearer values,
 * NUL bytes and oversized numbers in channel ids and Last-Event-ID.
 */
@Tag("attack")
@QuarkusTest
@QuarkusTestResource(JobApiDouble.class)
class MalformedRequestTest extends GatewayTest {
    private static final List<String> MALFORMED_BEARERS = List.of("Bearer ...", "Bearer ", "Bearer", "Bearer a.b",
            "Bearer e30.e30.e30", "Bearer \u00e9\u00e9", "Basic Ym9iOmJvYg==");

    @Test
    void malformedBearerIs401OnSseAndUpgrade() throws Exception {
        for (String authorization : MALFORMED_BEARERS) {
            RawHttp.Answer sse = RawHttp.get(base, "/sse/users/x", Map.of("Authorization", authorization,
                    "Accept", "text/event-stream"));
            assertThat(sse.status()).as("SSE with '%s'", authorization).isEqualTo(401);
            RawHttp.Answer ws = RawHttp.upgrade(base, "/ws", Map.of("Authorization", authorization));
            assertThat(ws.status()).as("upgrade with '%s'", authorization).isEqualTo(401);
        }
    }

    @Test
    void emptyOrMalformedBearerInTheSubprotocolCarrierIs401() throws Exception {
        for (String carried : List.of("quarkus-http-upgrade%23Authorization%23Bearer%20",
                "quarkus-http-upgrade%23Authorization%23Bearer%20...", "quarkus-http-upgrade%23Authorization%23",
                "quarkus-http-upgrade%23Authorization", "quarkus-http-upgrade%23Authorization%23Bearer")) {
            RawHttp.Answer ws = RawHttp.upgrade(base, "/ws", Map.of("Sec-WebSocket-Protocol", "bearer-token-carrier, " + carried));
            assertThat(ws.status()).as("carrier '%s'", carried).isEqualTo(401);
        }
    }

    @Test
    void badIdsAndPositionsOnSseAre400WithTheReason() throws Exception {
        String bearer = "Bearer " + token("bob");
        for (String path : List.of("/sse/jobs/a%00b", "/sse/users/a%00b", "/sse/jobs/" + "x".repeat(300),
                "/sse/jobs/a%20b", "/sse/users/%20")) {
            RawHttp.Answer answer = RawHttp.get(base, path, Map.of("Authorization", bearer, "Accept", "text/event-stream"));
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.text()).as(path).contains("application/problem+json").contains("bad channel name");
        }
        String userPath = "/sse/users/" + sub("bob");
        for (String lastEventId : List.of("7-99999999999999999999", "99999999999-1", "U.zzzzzzzzzzzzzz", "U." + ".1".repeat(20),
                "a\u0001b", "-1--1", "U." + "1.".repeat(2000))) {
            RawHttp.Answer answer = RawHttp.get(base, userPath, Map.of("Authorization", bearer, "Accept", "text/event-stream",
                    "Last-Event-ID", lastEventId));
            assertThat(answer.status()).as("Last-Event-ID %s", lastEventId).isEqualTo(400);
            if (!lastEventId.contains("\u0001")) {
                // A control character in a header is refused by the HTTP parser itself, with an empty 400.
                assertThat(answer.text()).as("Last-Event-ID %s", lastEventId).contains("Last-Event-ID");
            }
        }
    }
}
