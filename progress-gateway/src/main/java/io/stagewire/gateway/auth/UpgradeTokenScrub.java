package io.stagewire.gateway.auth;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Once quarkus-oidc has verified the access token of a WebSocket upgrade, takes the token out of
 * the upgrade request's headers: the {@code Authorization} header, and the token-carrying entry of
 * {@code Sec-WebSocket-Protocol} a browser sends,
 * leaving {@code bearer-token-carrier} for the subprotocol handshake. The request lives as long as the
 * connection (websockets-next keeps its routing context), so each header was another copy of a
 * kilobyte-long token per idle connection, kept for hours (docs/benchmarks.md, issue 11); the
 * identity keeps the one copy the gateway needs ({@link VerifiedToken}).
 */
@ApplicationScoped
public class UpgradeTokenScrub implements HttpUpgradeCheck {
    static final String PROTOCOL = "Sec-WebSocket-Protocol";
    /** Quarkus' carrier entry: {@code quarkus-http-upgrade#Authorization#Bearer ...}, URL-encoded by browsers. */
    static final String CARRIED = "quarkus-http-upgrade";

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        // After the identity: the token must not go before it was verified.
        return context.securityIdentity().map(identity -> {
            scrub(context.httpRequest().headers());
            return CheckResult.permitUpgradeSync();
        });
    }

    static void scrub(MultiMap headers) {
        headers.remove("Authorization");
        String protocols = headers.get(PROTOCOL);
        if (protocols != null && protocols.contains(CARRIED)) {
            headers.set(PROTOCOL, Arrays.stream(protocols.split(","))
                    .map(String::trim)
                    .filter(protocol -> !protocol.startsWith(CARRIED))
                    .collect(Collectors.joining(", ")));
        }
    }
}
