package io.stagewire.crawler.browser;

import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.ServiceWorkerPolicy;

import io.stagewire.crawler.config.CrawlerWorkerConfig;
import io.stagewire.crawler.security.GuardVerdict;
import io.stagewire.crawler.security.UrlGuard;

/**
 * Hands out at most {@code stagewire.crawler.browser.contexts} browser contexts at a time, one per crawl. Each
 * crawl gets a fresh context rather than a recycled one, so no cookie or storage of one user's job leaks into
 * another's; a context and its first page cost about 0.3 s, once per crawl.
 */
@ApplicationScoped
public class BrowserContextPool {

    private final ChromiumBrowser browser;
    private final UrlGuard guard;
    private final CrawlerWorkerConfig config;
    private final Semaphore slots;

    BrowserContextPool(ChromiumBrowser browser, UrlGuard guard, CrawlerWorkerConfig config) {
        this.browser = browser;
        this.guard = guard;
        this.config = config;
        this.slots = new Semaphore(config.browser().contexts(), true);
    }

    /** Waits for a free slot, then opens a tab in a new context; close the tab to give the slot back. */
    public BrowserTab open() throws InterruptedException {
        slots.acquire();
        try {
            BlockedRequests blocked = new BlockedRequests();
            BrowserContext context = browser.withBrowser(connected -> newGuardedContext(connected, blocked));
            return new BrowserTab(browser, context, blocked, slots::release);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    private BrowserContext newGuardedContext(Browser connected, BlockedRequests blocked) {
        BrowserContext context = connected.newContext(new Browser.NewContextOptions()
                .setViewportSize(config.browser().viewportWidth(), config.browser().viewportHeight())
                .setDeviceScaleFactor(1)
                // Requests a service worker makes are invisible to routing.
                .setServiceWorkers(ServiceWorkerPolicy.BLOCK)
                .setAcceptDownloads(false));
        context.setDefaultTimeout(config.pageTimeout().toMillis());
        context.setDefaultNavigationTimeout(config.pageTimeout().toMillis());
        // Runs on the Playwright thread for every request a page starts; redirect hops and DNS are the proxy's job.
        context.route("**/*", route -> {
            GuardVerdict verdict = guard.check(route.request().url());
            if (verdict.isAllowed()) {
                route.resume();
            } else {
                blocked.add(new BlockedRequest(route.request().url(), verdict.refusal()));
                route.abort("blockedbyclient");
            }
        });
        return context;
    }
}
