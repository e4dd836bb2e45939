package io.stagewire.jobapi.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.stagewire.jobapi.service.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, from the verified bearer token. Resources are singletons;
 * the token and identity injected here are request-scoped proxies, so every call sees its own.
 */
@ApplicationScoped
public class CurrentCaller {
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    CurrentCaller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public Caller get() {
        return new Caller(token.getSubject(), identity.hasRole(Caller.ADMIN_ROLE));
    }
}
