package io.stagewire.gateway.auth;

import io.smallrye.mutiny.Uni;
import io.stagewire.gateway.config.GatewayConfig;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses WebSocket upgrades from web pages of other sites (cross-site WebSocket hijacking): a
 * browser always sends Origin, and it must be on the allow-list. Clients that are not browsers
 * send no Origin and pass; they still need a token.
 */
@ApplicationScoped
public class OriginCheck implements HttpUpgradeCheck {
    private final Set<String> allowed;

    @Inject
    public OriginCheck(GatewayConfig config) {
        this.allowed = config.auth().allowedOrigins().stream()
                .map(OriginCheck::normalise)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        if (isAllowed(origin)) {
            return CheckResult.permitUpgrade();
        }
        return CheckResult.rejectUpgrade(403);
    }

    public boolean isAllowed(String origin) {
        return origin == null || allowed.contains("*") || allowed.contains(normalise(origin));
    }

    private static String normalise(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
