package io.stagewire.gateway.limits;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a WebSocket upgrade with HTTP 429 when the user already holds the most WebSockets
 * allowed; the endpoint counts the connection when it opens (and closes it with 4029 if a race let
 * one more through).
 */
@ApplicationScoped
public class ConnectionQuotaCheck implements HttpUpgradeCheck {
    private final ConnectionQuota quota;

    ConnectionQuotaCheck(ConnectionQuota quota) {
        this.quota = quota;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return context.securityIdentity().chain(identity -> identity == null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !quota.isFull(jwt.getSubject(), ConnectionQuota.Transport.WEBSOCKET)
                ? CheckResult.permitUpgrade()
                : CheckResult.rejectUpgrade(429));
    }
}
