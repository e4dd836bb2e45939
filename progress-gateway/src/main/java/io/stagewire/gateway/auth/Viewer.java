package io.stagewire.gateway.auth;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is subscribing, taken from the verified access token.
 *
 * @param sub   the token's subject: the user's own channel is {@code user:} + sub
 * @param admin role {@code admin} may subscribe to any channel
 * @param token the raw access token, passed on to job-api so that job-api applies its own rules
 * @param expiresAtSeconds the token's {@code exp}
 */
public record Viewer(String sub, boolean admin, String token, long expiresAtSeconds) {
    public static final String ADMIN_ROLE = "admin";

    public static Viewer of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new IllegalStateException("no verified access token");
        }
        return new Viewer(jwt.getSubject(), identity.hasRole(ADMIN_ROLE), jwt.getRawToken(), jwt.getExpirationTime());
    }
}
