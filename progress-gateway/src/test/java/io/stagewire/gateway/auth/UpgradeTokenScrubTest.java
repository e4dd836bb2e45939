package io.stagewire.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

/** After verification, no copy of the token stays in the upgrade request that lives as long as the connection. */
class UpgradeTokenScrubTest {
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl";

    @Test
    void removesTheAuthorizationHeader() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("authorization", "Bearer " + TOKEN)
                .add("Origin", "http://localhost:8080");

        UpgradeTokenScrub.scrub(headers);

        assertThat(headers.contains("Authorization")).isFalse();
        assertThat(headers.get("Origin")).isEqualTo("http://localhost:8080");
    }

    @Test
    void keepsTheCarrierSubprotocolAndDropsTheCarriedToken() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Sec-WebSocket-Protocol", "bearer-token-carrier, quarkus-http-upgrade#Authorization#Bearer " + TOKEN);

        UpgradeTokenScrub.scrub(headers);

        assertThat(headers.getAll("Sec-WebSocket-Protocol")).containsExactly("bearer-token-carrier");
    }

    @Test
    void dropsTheCarriedTokenAsBrowsersEncodeIt() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Sec-WebSocket-Protocol", "bearer-token-carrier,quarkus-http-upgrade%23Authorization%23Bearer%20" + TOKEN);

        UpgradeTokenScrub.scrub(headers);

        assertThat(headers.get("Sec-WebSocket-Protocol")).isEqualTo("bearer-token-carrier");
    }

    @Test
    void leavesSubprotocolsWithoutATokenAsTheyAre() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Sec-WebSocket-Protocol", "bearer-token-carrier, v2");

        UpgradeTokenScrub.scrub(headers);

        assertThat(headers.get("Sec-WebSocket-Protocol")).isEqualTo("bearer-token-carrier, v2");
    }
}
