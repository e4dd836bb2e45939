package io.stagewire.gateway.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.nio.charset.StandardCharsets;

/**
 * Answers 401 to a bearer credential that is not even shaped like a JWT, before quarkus-oidc sees
 * it: quarkus-oidc 3.34 throws {@code NoSuchElementException} on values like {@code Bearer ...} or
 * an empty bearer in the WebSocket subprotocol carrier, which became a 500 with a stack trace per
 * request (issue 10). Well-formed tokens go on to quarkus-oidc, which verifies them. A request without any
 * credential on a path that needs one gets its 401 here too, with a problem document: quarkus-oidc's own
 * challenge for it has an empty body (refused tokens get theirs from {@link AuthenticationProblems}).
 */
@ApplicationScoped
public class BearerShapeFilter {
    /** Before every other route, the authentication handler included. */
    private static final int ORDER = -10_000;
    private static final String SCHEME = "Bearer ";
    /** The most characters each part of a JWS may have here (header, payload, signature). */
    private static final int[] MAX_PART = {16384, 65536, 16384};
    private static final int[] MIN_PART = {2, 2, 0};
    private static final String CARRIER = "quarkus-http-upgrade#";
    /** The carrier as a subprotocol list names it: encoded ('%23' for '#') or not. */
    private static final String CARRIER_MARK = "quarkus-http-upgrade";

    /** The paths quarkus.http.auth.permission.api guards: "/x/*" for everything under /x/, else the exact path. */
    private final List<String> guarded;

    BearerShapeFilter(@ConfigProperty(name = "quarkus.http.auth.permission.api.paths") List<String> guarded) {
        this.guarded = List.copyOf(guarded);
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String carried = request.getHeader("Sec-WebSocket-Protocol");
        String problem = problem(authorization);
        if (problem == null) {
            problem = carriedProblem(carried);
        }
        if (problem == null && authorization == null && (carried == null || !carried.contains(CARRIER_MARK))
                && isGuarded(request.path())) {
            problem = "an access token is required: Authorization: Bearer <access token>";
        }
        if (problem == null) {
            context.next();
            return;
        }
        context.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .end(Problems.json("unauthorized", "Unauthorized", 401, problem, null));
    }

    boolean isGuarded(String path) {
        for (String pattern : guarded) {
            if (pattern.endsWith("/*") ? path.startsWith(pattern.substring(0, pattern.length() - 1)) : path.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    /** Why an Authorization value cannot be a bearer token, or null when it may be one (or is absent). */
    static String problem(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return "Authorization must be 'Bearer <access token>'";
        }
        if (!isJws(authorization.substring(SCHEME.length()).trim())) {
            return "the bearer token is not a JWT (header.payload.signature)";
        }
        return null;
    }

    /**
     * JWS compact serialisation: header.payload.signature, base64url without padding. One pass over
     * the token, as every upgrade of a reconnect storm runs it (a regular expression cost 4 % of the
     * gateway's CPU per connection).
     */
    static boolean isJws(String token) {
        int part = 0;
        int length = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (part == 2 || length < MIN_PART[part]) {
                    return false;
                }
                part++;
                length = 0;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                if (++length > MAX_PART[part]) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return part == 2 && length >= MIN_PART[2];
    }

    /** The same check for an Authorization header carried in Sec-WebSocket-Protocol by a browser. */
    static String carriedProblem(String protocols) {
        if (protocols == null) {
            return null;
        }
        for (String protocol : protocols.split(",")) {
            String decoded;
            try {
                decoded = URLDecoder.decode(protocol.trim(), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!decoded.startsWith(CARRIER)) {
                continue;
            }
            String[] parts = decoded.substring(CARRIER.length()).split("#", 2);
            if (parts[0].equalsIgnoreCase("Authorization")) {
                return parts.length < 2 ? "the carried Authorization header has no value" : problem(parts[1]);
            }
        }
        return null;
    }
}
