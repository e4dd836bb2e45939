package io.stagewire.gateway.auth;

import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the gateway keeps of a verified access token for as long as a connection lives: the
 * subject, the expiry and the raw token (passed on to job-api). quarkus-oidc's own principal also
 * holds the parsed claims, the decoded payload and the token's parts, several kilobytes that every
 * one of tens of thousands of idle WebSockets would carry for hours (docs/benchmarks.md, issue 11).
 * Other claims read as absent.
 */
public final class VerifiedToken implements JsonWebToken {
    private static final Set<String> CLAIMS = Set.of(Claims.sub.name(), Claims.exp.name(), Claims.raw_token.name());

    private final String subject;
    private final long expiresAtSeconds;
    private final String rawToken;

    public VerifiedToken(String subject, long expiresAtSeconds, String rawToken) {
        this.subject = subject;
        this.expiresAtSeconds = expiresAtSeconds;
        this.rawToken = rawToken;
    }

    /** The subject, as quarkus-oidc's principal names it (the {@code sub} claim, the gateway's user id). */
    @Override
    public String getName() {
        return subject;
    }

    @Override
    public String getSubject() {
        return subject;
    }

    @Override
    public String getRawToken() {
        return rawToken;
    }

    @Override
    public long getExpirationTime() {
        return expiresAtSeconds;
    }

    @Override
    public Set<String> getClaimNames() {
        return CLAIMS;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return switch (claimName) {
            case "sub" -> (T) subject;
            case "exp" -> (T) Long.valueOf(expiresAtSeconds);
            case "raw_token" -> (T) rawToken;
            default -> null;
        };
    }

    @Override
    public String toString() {
        // Never the token itself: principals end up in logs.
        return "VerifiedToken[sub=" + subject + ", exp=" + expiresAtSeconds + "]";
    }
}
