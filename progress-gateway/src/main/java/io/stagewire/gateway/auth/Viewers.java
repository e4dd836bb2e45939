package io.stagewire.gateway.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.stagewire.gateway.fanout.Viewer;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The viewer of a request, from the access token Quarkus verified. */
public final class Viewers {
    public static final String ADMIN_ROLE = "admin";

    private Viewers() {
    }

    public static Viewer of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new IllegalStateException("no verified access token");
        }
        return new Viewer(jwt.getSubject(), identity.hasRole(ADMIN_ROLE), jwt.getRawToken(), jwt.getExpirationTime());
    }
}
