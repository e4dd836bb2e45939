package io.stagewire.crawler.browser;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while Chromium is up; a worker without a browser should not take crawl requests. */
@Readiness
@ApplicationScoped
public class BrowserReadinessCheck implements HealthCheck {

    private final ChromiumBrowser browser;

    BrowserReadinessCheck(ChromiumBrowser browser) {
        this.browser = browser;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("chromium").status(browser.isConnected()).build();
    }
}
