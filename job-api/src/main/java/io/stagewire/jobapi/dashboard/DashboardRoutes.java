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

    /** The page itself: always revalidated, as it names the current (content-hashed, long-cached) bundle. */
    static final String PAGE = "/|/index\\.html|" + VIEWS;

    void install(@Observes Router router) {
        router.routeWithRegex(PAGE).order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> rc.response().headers().set("Cache-Control", "no-cache"));
            rc.next();
        });
        router.getWithRegex(VIEWS).handler(rc -> rc.reroute("/index.html"));
    }
}
