package io.stagewire.gateway.http;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request quarkus-oidc refuses (no token on an SSE or WebSocket path, a token with a bad signature, issuer, audience
 * or expiry) gets the 401 and challenge quarkus-oidc sets, with a problem document naming the reason, as every other
 * refusal (docs/protocol.md) — not an empty body. A route failure handler, as the Quarkus security guide advises for
 * proactive authentication: the status and WWW-Authenticate are already on the response; only the body is ours.
 */
@ApplicationScoped
public class AuthenticationProblems {

    void install(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        String detail = detail(context.failure());
        if (detail == null || context.response().ended()) {
            context.next();
            return;
        }
        if (context.response().getStatusCode() != 401) {
            context.response().setStatusCode(401);
        }
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .end(Problems.json("unauthorized", "Unauthorized", 401, detail, context.request().path()));
    }

    /** The reason for an authentication failure, or null for any other failure. Never the token itself. */
    static String detail(Throwable failure) {
        if (failure instanceof AuthenticationFailedException) {
            return "the access token is not valid: a token of this realm's issuer for audience 'stagewire', "
                    + "signed by its key and not expired, is required";
        }
        if (failure instanceof UnauthorizedException) {
            return "an access token is required: Authorization: Bearer <access token>";
        }
        return null;
    }
}
