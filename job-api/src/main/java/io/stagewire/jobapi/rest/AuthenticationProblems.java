package io.stagewire.jobapi.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A token quarkus-oidc refuses (bad signature, issuer, audience, expiry) gets quarkus-oidc's 401 and challenge with a
 * problem document naming the reason, as every other refusal (docs/api.md), instead of an empty body. A route
 * failure handler, as the Quarkus security guide advises under proactive authentication: status and
 * WWW-Authenticate are already set; the body is ours. (No credential at all is {@link RequestGate}'s.)
 */
@ApplicationScoped
public class AuthenticationProblems {
    private final RequestGate gate;

    AuthenticationProblems(RequestGate gate) {
        this.gate = gate;
    }

    void install(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException) || context.response().ended()) {
            context.next();
            return;
        }
        context.response().setStatusCode(401).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(gate.problemJson(401, "unauthorized", "Unauthorized", "the access token is not valid: a token of this "
                        + "realm's issuer for audience 'stagewire', signed by its key and not expired, is required",
                        context.request().path()));
    }
}
