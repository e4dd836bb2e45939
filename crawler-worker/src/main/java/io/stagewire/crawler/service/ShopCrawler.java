package io.stagewire.crawler.service;

import java.net.URI;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.microsoft.playwright.PlaywrightException;

import io.stagewire.crawler.config.CrawlerWorkerConfig;
import io.stagewire.crawler.browser.BrowserContextPool;
import io.stagewire.crawler.browser.BrowserInterruptedException;
import io.stagewire.crawler.browser.BrowserTab;
import io.stagewire.crawler.security.GuardVerdict;
import io.stagewire.crawler.security.UrlGuard;

/**
 * Crawls a shop: from its URL, walks the listing pages and screenshots each product page, handing every result
 * to a {@link CrawlListener} as it is made. Blocking; runs on the caller's thread and holds one browser context
 * of the pool for the whole crawl. Safe to call from several threads at once.
 */
@ApplicationScoped
public class ShopCrawler {

    private final UrlGuard guard;
    private final BrowserContextPool contexts;
    private final PageLoader loader;
    private final CrawlerWorkerConfig config;
    private final CrawlMetrics metrics;

    ShopCrawler(UrlGuard guard, BrowserContextPool contexts, PageLoader loader, CrawlerWorkerConfig config,
            CrawlMetrics metrics) {
        this.guard = guard;
        this.contexts = contexts;
        this.loader = loader;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Crawls the shop at {@code shopUrl}.
     *
     * @param cancelled asked before every page load; once it answers true the crawl stops there and returns a
     *        result with {@code cancelled() == true}
     * @return counts and how the crawl ended; products reached the listener already
     * @throws CrawlFailedException when the crawl as a whole cannot be done, with the reason for the user
     */
    public CrawlResult crawl(URI shopUrl, CrawlOptions options, BooleanSupplier cancelled, CrawlListener listener) {
        return crawl(shopUrl, options, config.maxListingPages(), cancelled, listener);
    }

    /**
     * Crawls the shop at {@code shopUrl}, walking at most {@code maxListingPages} listing pages (a job's
     * {@code crawlerConfig.maxPages}); the configured {@code stagewire.crawler.max-listing-pages} caps it still.
     */
    public CrawlResult crawl(URI shopUrl, CrawlOptions options, int maxListingPages, BooleanSupplier cancelled,
            CrawlListener listener) {
        if (maxListingPages < 1) {
            throw new IllegalArgumentException("maxListingPages must be at least 1, was " + maxListingPages);
        }
        GuardVerdict verdict = guard.check(shopUrl);
        if (!verdict.isAllowed()) {
            throw new CrawlFailedException("shop URL " + shopUrl + " refused: " + verdict.refusal());
        }
        CrawlSelectors selectors = CrawlSelectors.of(options, config.selectors());
        int pageCap = Math.min(maxListingPages, config.maxListingPages());
        try (BrowserTab tab = openTab()) {
            return new CrawlRun(shopUrl, options, selectors, pageCap, tab, loader, cancelled,
                    listener, metrics, config.screenshot(), config.robots()).run();
        } catch (BrowserInterruptedException e) {
            throw new CrawlFailedException("crawl interrupted", e);
        } catch (PlaywrightException e) {
            throw new CrawlFailedException("browser error: " + BrowserErrors.summary(e), e);
        }
    }

    private BrowserTab openTab() {
        try {
            return contexts.open();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrawlFailedException("crawl interrupted while waiting for a browser context", e);
        } catch (PlaywrightException e) {
            throw new CrawlFailedException("browser unavailable: " + BrowserErrors.summary(e), e);
        }
    }
}
