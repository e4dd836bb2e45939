package io.stagewire.jobapi.dashboard;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The dashboard is a single page: its deep links ({@code /jobs}, {@code /jobs/ID}, {@code /images})
 * are served the same index.html, which routes in the browser. The page itself is a public static
 * asset; everything it shows comes from the authenticated API.
 */
@ApplicationScoped
public class DashboardRoutes {
    /** Paths of the dashboard's own views; the API, /q and /static are never matched. */
    static final String VIEWS = "/(jobs|images)(/[A-Za-z0-9._:-]{1,128})?/?";

    void install(@Observes Router router) {
        router.getWithRegex(VIEWS).handler(rc -> rc.reroute("/index.html"));
    }
}
