package io.stagewire.jobapi.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stagewire.jobapi.config.StagewireConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.regex.Pattern;

/**
 * Checks on a request's head, before authentication and before any byte of the body is read, so
 * malformed requests get a precise 4xx problem instead of reaching code that fails on them:
 * a bearer token that is not a compact JWS (the OIDC extension fails with a 500 on some), a NUL
 * character in the URI (Postgres refuses it in text), a JSON body larger than its own small limit
 * (multipart uploads keep theirs), and no credential at all — or another scheme than Bearer — on a
 * path that needs one: quarkus-oidc's own challenge for that has an empty body.
 */
@ApplicationScoped
public class RequestGate {
    // header.payload.signature, base64url; the signature may be empty (then OIDC refuses it with 401)
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    /** A refused request's body up to this size is read and dropped before the answer, so the answer arrives. */
    private static final long DRAIN_AT_MOST = 1024 * 1024;
    private final ObjectMapper mapper;
    private final long maxJsonBytes;
    /** What quarkus.http.auth.permission.api guards: "/x/*" for everything under /x/, else the exact path. */
    private final List<String> guarded;

    RequestGate(ObjectMapper mapper, StagewireConfig config,
                @ConfigProperty(name = "quarkus.http.auth.permission.api.paths") List<String> guarded) {
        this.mapper = mapper;
        this.maxJsonBytes = config.http().maxJsonBodyBytes();
        this.guarded = List.copyOf(guarded);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext rc) {
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer", 0, 6)
                && !COMPACT_JWS.matcher(authorization.substring(6).strip()).matches()) {
            rc.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            refuse(rc, 401, "unauthorized", "Unauthorized", "the bearer token is not a JWT (header.payload.signature, base64url)");
            return;
        }
        if (isGuarded(rc.request().path()) && (authorization == null || !authorization.regionMatches(true, 0, "Bearer", 0, 6))) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            refuse(rc, 401, "unauthorized", "Unauthorized", authorization == null
                    ? "an access token is required: Authorization: Bearer <access token>"
                    : "Authorization must be 'Bearer <access token>'");
            return;
        }
        if (rc.request().uri().toLowerCase(Locale.ROOT).contains("%00")) {
            refuse(rc, 400, "validation", "Invalid request", "the request URI contains a NUL character (%00), which no id or parameter may contain");
            return;
        }
        if (hasJsonBody(rc)) {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            // Without a declared length (chunked, or an HTTP/2 stream) the size is known only after reading.
            if (length == null) {
                refuse(rc, 411, "length-required", "Length Required", "a JSON body must declare its Content-Length (at most " + maxJsonBytes + " bytes)");
                return;
            }
            if (length != null && exceeds(length)) {
                refuse(rc, 413, "too-large", "Request body too large", "a JSON body may have at most " + maxJsonBytes + " bytes; this one declares " + length);
                return;
            }
        }
        rc.next();
    }

    private boolean isGuarded(String path) {
        return guarded.stream().anyMatch(pattern -> pattern.endsWith("/*")
                ? path.startsWith(pattern.substring(0, pattern.length() - 1)) : path.equals(pattern));
    }

    private static boolean hasJsonBody(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)
                && type != null && type.toLowerCase(Locale.ROOT).matches("application/([a-z0-9.+-]*\\+)?json\\s*(;.*)?");
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.strip()) > maxJsonBytes;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** The problem document of a refusal, as JSON. */
    String problemJson(int status, String type, String title, String detail, String instance) {
        try {
            return mapper.writeValueAsString(new Problem(Problem.TYPE_BASE + type, title, status, detail, instance, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refuse(RoutingContext rc, int status, String type, String title, String detail) {
        String body = problemJson(status, type, title, detail, rc.request().path());
        HttpServerRequest request = rc.request();
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        long declared = declaredLength(request);
        if (request.isEnded() || declared == 0) {
            rc.response().end(body);
        } else if (declared > 0 && declared <= DRAIN_AT_MOST) {
            // Read what the client is still sending and answer after it: closing with unread bytes makes the
            // kernel reset the connection, and the client may lose the answer (the REST fuzz test saw that).
            request.handler(ignored -> { });
            request.endHandler(ignored -> rc.response().end(body));
            request.resume();
        } else {
            // A large or undeclared body is not read: answer and close rather than drain it.
            rc.response().putHeader(HttpHeaders.CONNECTION, "close").end(body);
        }
    }

    /** The declared body length; 0 without a body, -1 when undeclared (chunked) or unreadable. */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null ? 0 : -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
