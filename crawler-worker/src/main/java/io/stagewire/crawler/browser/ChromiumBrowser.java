package io.stagewire.crawler.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Proxy;

import io.quarkus.runtime.StartupEvent;
import io.stagewire.crawler.config.CrawlerWorkerConfig;
import io.stagewire.crawler.security.EgressProxy;

/**
 * One Playwright driver and one headless Chromium per worker process, shared by all crawls and confined to the
 * {@link PlaywrightThread}. Launched at start-up so the first job does not wait for it, launched again if
 * Chromium dies, closed on shutdown.
 */
@ApplicationScoped
public class ChromiumBrowser {

    private static final Logger LOG = Logger.getLogger(ChromiumBrowser.class);

    private final CrawlerWorkerConfig.Browser config;
    private final EgressProxy egressProxy;
    private final PlaywrightThread thread = new PlaywrightThread();

    // Touched only on the Playwright thread.
    private Playwright playwright;
    private Browser browser;

    // Read by the readiness check from any thread, so it never waits behind a slow page.
    private volatile boolean connected;

    ChromiumBrowser(CrawlerWorkerConfig config, EgressProxy egressProxy) {
        this.config = config.browser();
        this.egressProxy = egressProxy;
    }

    void launchAtStartup(@Observes StartupEvent event) {
        try {
            thread.run(this::connectedBrowser);
        } catch (PlaywrightException e) {
            // Not fatal: readiness stays down and the next crawl tries again.
            LOG.errorf("Chromium did not start: %s", e.getMessage());
        }
    }

    /** Runs the action with a connected browser on the Playwright thread. */
    <T> T withBrowser(Function<Browser, T> action) {
        return thread.call(() -> action.apply(connectedBrowser()));
    }

    /** Runs the action on the Playwright thread; for calls on contexts and pages made from this browser. */
    <T> T call(Supplier<T> action) {
        return thread.call(action);
    }

    void run(Runnable action) {
        thread.run(action);
    }

    public boolean isConnected() {
        return connected;
    }

    @PreDestroy
    void close() {
        try {
            thread.run(() -> {
                if (browser != null) {
                    browser.close();
                }
                if (playwright != null) {
                    playwright.close();
                }
                connected = false;
            });
        } catch (PlaywrightException e) {
            LOG.debugf("closing the browser: %s", e.getMessage());
        } finally {
            thread.close();
        }
    }

    private Browser connectedBrowser() {
        if (browser != null && browser.isConnected()) {
            return browser;
        }
        if (browser != null) {
            LOG.warn("Chromium is gone; launching it again");
        }
        try {
            if (playwright == null) {
                long start = System.nanoTime();
                playwright = Playwright.create(new Playwright.CreateOptions().setEnv(driverEnvironment()));
                LOG.infof("Playwright driver ready in %d ms", (System.nanoTime() - start) / 1_000_000);
            }
            long start = System.nanoTime();
            browser = playwright.chromium().launch(launchOptions());
            browser.onDisconnected(gone -> connected = false);
            connected = true;
            LOG.infof("Chromium %s launched in %d ms", browser.version(), (System.nanoTime() - start) / 1_000_000);
            return browser;
        } catch (PlaywrightException e) {
            // A broken driver is replaced as a whole next time.
            if (playwright != null) {
                try {
                    playwright.close();
                } catch (PlaywrightException ignored) {
                    // already broken
                }
            }
            playwright = null;
            browser = null;
            throw e;
        }
    }

    private Map<String, String> driverEnvironment() {
        Map<String, String> env = new HashMap<>();
        // Chromium comes from the system; Playwright must never try to download one.
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (Files.isExecutable(config.nodeExecutable())) {
            env.put("PLAYWRIGHT_NODEJS_PATH", config.nodeExecutable().toString());
        }
        return env;
    }

    private BrowserType.LaunchOptions launchOptions() {
        List<String> args = new ArrayList<>(config.args());
        if (!config.sandbox().orElse(!runningAsRoot())) {
            args.add("--no-sandbox");
        }
        return new BrowserType.LaunchOptions()
                .setExecutablePath(config.executable())
                .setHeadless(true)
                .setArgs(args)
                // Every connection goes through the guarded proxy, loopback included (Playwright adds <-loopback>).
                .setProxy(new Proxy(egressProxy.url()));
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
