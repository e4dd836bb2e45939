package io.stagewire.gateway.auth;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Replaces the identity quarkus-oidc built from a verified access token with one that keeps only
 * what the gateway reads: subject, roles, expiry and the raw token ({@link VerifiedToken}). A
 * WebSocket keeps its identity for its whole life (websockets-next holds it, and the upgrade's
 * routing context that refers to it); the full one — parsed claims, decoded payload, credentials —
 * was the largest part of an idle connection's memory. Runs after every other augmentor.
 */
@ApplicationScoped
public class LeanIdentity implements SecurityIdentityAugmentor {
    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt instanceof VerifiedToken) {
            return Uni.createFrom().item(identity);
        }
        // No attributes: quarkus-oidc's expiry attribute would make websockets-next start a timer per connection
        // to close it with 1008 at expiry; the gateway's own sweep (websocket.SessionSweeps) closes it before,
        // with 4001.
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new VerifiedToken(jwt.getSubject(), jwt.getExpirationTime(), jwt.getRawToken()))
                .addRoles(identity.getRoles())
                .build());
    }
}
