package io.stagewire.system.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ReducedMotion;
import com.microsoft.playwright.options.ViewportSize;

import io.stagewire.system.RunningStack;

/**
 * Debian's Chromium driven by Playwright (no browser download: ENVIRONMENT.md), one context per user, with every
 * console error and uncaught page error collected so a test can insist there are none.
 */
final class Browser implements AutoCloseable {
    static final String DASHBOARD = RunningStack.JOB_API + "/";
    static final Path ARTIFACTS = Path.of("target", "dashboard");
    private static final String CHROMIUM = "/usr/lib/chromium/chromium";

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync"));
        if (Files.isExecutable(Path.of(CHROMIUM))) {
            options.setExecutablePath(Path.of(CHROMIUM));
        }
        chromium = playwright.chromium().launch(options);
    }

    /** A signed-in tab of the dashboard (logged in through Keycloak's own login page). */
    Tab login(String user, String password) {
        return login(user, password, 1280, 900);
    }

    Tab login(String user, String password, int width, int height) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(new ViewportSize(width, height)).setAcceptDownloads(true)
                // Progress bars then jump instead of animating: screenshots show what the page says.
                .setReducedMotion(ReducedMotion.REDUCE));
        Page page = context.newPage();
        Tab tab = new Tab(context, page);
        page.navigate(DASHBOARD);
        // The dashboard sends the browser to Keycloak (authorization code + PKCE) ...
        page.waitForURL(url -> url.startsWith("http://localhost:8180/"));
        page.locator("#username").fill(user);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        // ... and is back, signed in, with the live connection up.
        page.waitForURL(url -> url.startsWith(RunningStack.JOB_API));
        page.locator("#user").waitFor();
        assertThat(page.locator("#user").textContent()).startsWith(user);
        page.locator("#connection[data-state=live]").waitFor();
        return tab;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }

    /** One signed-in user's page, with what it logged as errors. */
    static final class Tab implements AutoCloseable {
        final BrowserContext context;
        final Page page;
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());

        Tab(BrowserContext context, Page page) {
            this.context = context;
            this.page = page;
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    errors.add(m.text());
                }
            });
            page.onPageError(e -> errors.add("page error: " + e));
            // The console names no URL for a failed load; this says which one it was.
            page.onResponse(r -> {
                if (r.status() >= 400) {
                    errors.add("response " + r.status() + " " + r.request().method() + " " + r.url());
                }
            });
        }

        void screenshot(String name) {
            try {
                Files.createDirectories(ARTIFACTS);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            page.evaluate("document.getElementById('toasts') && document.getElementById('toasts').replaceChildren()");
            page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve(name + ".png")).setFullPage(true));
        }

        /**
         * Console errors, less those a network cut causes by design (failed loads and sockets while offline) and the
         * HTTP statuses the test provoked on purpose (the browser logs every failed response).
         */
        List<String> unexpectedErrors(int... provokedStatuses) {
            synchronized (errors) {
                return errors.stream()
                        .filter(e -> !e.contains("ERR_INTERNET_DISCONNECTED") && !e.contains("ERR_NETWORK_CHANGED")
                                && !(e.startsWith("WebSocket connection to") && e.contains("failed")))
                        .filter(e -> java.util.Arrays.stream(provokedStatuses).noneMatch(s -> e.contains("status of " + s + " ")
                                || e.startsWith("response " + s + " ")))
                        .toList();
            }
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
