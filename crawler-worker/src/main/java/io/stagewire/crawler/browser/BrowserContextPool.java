package io.stagewire.crawler.browser;

import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.Proxy;
import com.microsoft.playwright.options.ServiceWorkerPolicy;

import io.stagewire.crawler.config.CrawlerWorkerConfig;
import io.stagewire.crawler.security.EgressProxy;

/**
 * Hands out at most {@code stagewire.crawler.browser.contexts} browser contexts at a time, one per crawl. Each
 * crawl gets a fresh context rather than a recycled one, so no cookie or storage of one user's job leaks into
 * another's; a context and its first page cost about 0.3 s, once per crawl.
 */
@ApplicationScoped
public class BrowserContextPool {

    private final ChromiumBrowser browser;
    private final EgressProxy egressProxy;
    private final CrawlerWorkerConfig config;
    private final Semaphore slots;

    BrowserContextPool(ChromiumBrowser browser, EgressProxy egressProxy, CrawlerWorkerConfig config) {
        this.browser = browser;
        this.egressProxy = egressProxy;
        this.config = config;
        this.slots = new Semaphore(config.browser().contexts(), true);
    }

    /** Waits for a free slot, then opens a tab in a new context; close the tab to give the slot back. */
    public BrowserTab open() throws InterruptedException {
        slots.acquire();
        BlockedRequests blocked = new BlockedRequests();
        EgressProxy.Listener egress;
        try {
            egress = egressProxy.open((target, reason) -> blocked.add(new BlockedRequest(target, reason)));
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        // Closing the tab gives the listener's port back too, whatever became of the browser.
        Runnable release = () -> {
            egress.close();
            slots.release();
        };
        try {
            BrowserContext context = browser.withBrowser(connected -> newGuardedContext(connected, egress));
            return new BrowserTab(browser, context, blocked, release);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    /**
     * A context whose every connection goes through its own listener on the egress proxy, so that the requests the
     * proxy refuses are this crawl's to report. No request routing: the proxy is the guard (docs/crawler-worker.md).
     */
    private BrowserContext newGuardedContext(Browser connected, EgressProxy.Listener egress) {
        BrowserContext context = connected.newContext(new Browser.NewContextOptions()
                .setProxy(new Proxy(egress.url()))
                .setViewportSize(config.browser().viewportWidth(), config.browser().viewportHeight())
                .setDeviceScaleFactor(1)
                // A service worker would answer the pages' requests from its own cache, out of the crawl's sight.
                .setServiceWorkers(ServiceWorkerPolicy.BLOCK)
                .setAcceptDownloads(false));
        context.setDefaultTimeout(config.pageTimeout().toMillis());
        context.setDefaultNavigationTimeout(config.pageTimeout().toMillis());
        return context;
    }
}
