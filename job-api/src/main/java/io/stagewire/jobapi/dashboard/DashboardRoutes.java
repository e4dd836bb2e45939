package io.stagewire.jobapi.dashboard;

import io.stagewire.jobapi.config.StagewireConfig;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * The dashboard is a single page: its deep links ({@code /jobs}, {@code /jobs/ID}, {@code /images})
 * are served the same index.html, which routes in the browser. The page itself is a public static
 * asset; everything it shows comes from the authenticated API.
 */
@ApplicationScoped
public class DashboardRoutes {
    /** Paths of the dashboard's own views; the API, /q and /static are never matched. */
    static final String VIEWS = "/(jobs|images)(/[A-Za-z0-9._:-]{1,128})?/?";

    /** The page itself: always revalidated, as it names the current (content-hashed, long-cached) bundle. */
    static final String PAGE = "/|/index\\.html|" + VIEWS;

    void install(@Observes Router router, StagewireConfig config) {
        String policy = contentSecurityPolicy(config.dashboard());
        router.routeWithRegex(PAGE).order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> rc.response().headers()
                    .set("Cache-Control", "no-cache")
                    .set("Content-Security-Policy", policy));
            rc.next();
        });
        router.getWithRegex(VIEWS).handler(rc -> rc.reroute("/index.html"));
    }

    /**
     * The page runs only its own bundled code and talks only to job-api, the OIDC provider and the gateway: an
     * injected script could neither load code from elsewhere nor send a token anywhere else (docs/dashboard.md).
     */
    static String contentSecurityPolicy(StagewireConfig.Dashboard dashboard) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
                + "connect-src 'self' " + origin(dashboard.issuer()) + " " + origin(dashboard.gatewayUrl()) + "; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
