package io.stagewire.crawler.service;

import io.stagewire.crawler.config.CrawlerWorkerConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

import io.stagewire.crawler.browser.BlockedRequest;
import io.stagewire.crawler.browser.BrowserTab;
import io.stagewire.events.work.PageEvidence;

/**
 * One crawl, start to end, on the caller's thread: walk the listing pages, and after each one visit its new
 * products, until maxProducts, the last listing page, the listing-page cap or cancellation. Products of page 1 are
 * delivered before page 2 is loaded, so results stream from the first seconds of a job.
 */
final class CrawlRun {

    private static final Logger LOG = Logger.getLogger(CrawlRun.class);

    private final URI shopUrl;
    private final int maxProducts;
    private final int maxListingPages;
    private final CrawlSelectors selectors;
    private final BrowserTab tab;
    private final PageLoader loader;
    private final BooleanSupplier cancelled;
    private final CrawlListener listener;
    private final CrawlMetrics metrics;
    private final CrawlerWorkerConfig.Screenshot limits;
    private final CrawlerWorkerConfig.Robots robotsPolicy;
    private RobotsTxt robots = RobotsTxt.allowAll();

    private final Set<URI> visitedListingPages = new HashSet<>();
    private final Set<URI> seenProducts = new HashSet<>();
    private Origin origin;
    private int listingPages;
    private int nextIndex;
    private int captured;
    private int failed;
    private int skipped;
    private String incompleteReason;
    /** Decided on the first listing page that has product links; later pages are read the same way. */
    private DiscoveryMethod discoveredBy;
    private String discoveredGroupKey;
    /**
     * A product page the tab shows, loaded during discovery and not navigated away from since: the first page of a
     * sitemap's product group, opened to see that it shows a price. Its capture starts from it (one load less a job).
     */
    private URI productInTab;

    CrawlRun(URI shopUrl, CrawlOptions options, CrawlSelectors selectors, int maxListingPages, BrowserTab tab,
            PageLoader loader, BooleanSupplier cancelled, CrawlListener listener, CrawlMetrics metrics,
            CrawlerWorkerConfig.Screenshot limits, CrawlerWorkerConfig.Robots robotsPolicy) {
        this.limits = limits;
        this.robotsPolicy = robotsPolicy;
        this.shopUrl = shopUrl;
        this.maxProducts = options.maxProducts();
        this.maxListingPages = maxListingPages;
        this.selectors = selectors;
        this.tab = tab;
        this.loader = loader;
        this.cancelled = cancelled;
        this.listener = listener;
        this.metrics = metrics;
    }

    CrawlResult run() {
        long started = System.nanoTime();
        boolean wasCancelled = false;
        try {
            walkListingPages();
        } catch (CrawlCancelledException e) {
            wasCancelled = true;
        } finally {
            reportBlockedRequests();
        }
        return new CrawlResult(captured, failed, skipped, listingPages, wasCancelled, incompleteReason,
                Duration.ofNanos(System.nanoTime() - started), discoveredBy);
    }

    private void walkListingPages() {
        robots = readRobotsTxt();
        if (!robots.allows(shopUrl)) {
            throw new CrawlFailedException("the shop's robots.txt disallows crawling " + shopUrl);
        }
        URI next = shopUrl;
        while (next != null && nextIndex < maxProducts) {
            if (listingPages == maxListingPages) {
                incompleteReason = "stopped after " + maxListingPages
                        + " listing pages (stagewire.crawler.max-listing-pages)";
                break;
            }
            ListingLinks links;
            try {
                links = loadListingPage(next);
            } catch (PageLoadException e) {
                if (listingPages == 0) {
                    throw new CrawlFailedException("shop page " + next + " could not be loaded: " + e.reason(), e);
                }
                incompleteReason = "listing page " + next + " could not be loaded: " + e.reason();
                break;
            } finally {
                reportBlockedRequests();
            }
            visitedListingPages.add(next);
            listingPages++;
            if (listingPages == 1 && mayUseSitemaps()) {
                SitemapDiscovery sitemaps = new SitemapDiscovery(loader, tab, cancelled, this::crawlable);
                List<URI> fromSitemaps = sitemaps.products(shopUrl, robots.sitemaps());
                reportBlockedRequests();
                if (!fromSitemaps.isEmpty()) {
                    discoveredBy = DiscoveryMethod.SITEMAP;
                    links = new ListingLinks(fromSitemaps.stream().map(URI::toString).toList(), List.of());
                    productInTab = sitemaps.pageInTab().orElse(null);
                }
            }
            if (discoveredBy != DiscoveryMethod.SITEMAP && links.nextPages().isEmpty()
                    && seenProducts.size() + links.products().size() < maxProducts) {
                links = loadMoreOnThisPage(links);
            }
            next = links.nextPages().stream()
                    .flatMap(href -> sameOriginUrl(href).stream())
                    .filter(url -> !visitedListingPages.contains(url))
                    .findFirst()
                    .orElse(null);
            if (next != null && !robots.allows(next)) {
                incompleteReason = "the next listing page " + next + " is disallowed by the shop's robots.txt";
                next = null;
            }
            Set<URI> newProducts = new LinkedHashSet<>();
            links.products().forEach(href -> sameOriginUrl(href)
                    .filter(url -> !seenProducts.contains(url))
                    .ifPresent(newProducts::add));
            for (URI product : newProducts) {
                if (nextIndex == maxProducts) {
                    break;
                }
                seenProducts.add(product);
                visitProduct(nextIndex++, product);
            }
        }
        if (seenProducts.isEmpty() && listingPages > 0) {
            throw new CrawlFailedException("no product links found on " + shopUrl + " (selectors tried: "
                    + String.join(" | ", selectors.productLink())
                    + (selectors.productLinkGiven() ? ")" : "; no schema.org Product markup and no group of similar links with prices)"));
        }
    }

    /**
     * The shop's robots.txt, through the same guarded browser as every page. Missing (4xx) or refused by the
     * guard: no rules. Unreachable after the retries (5xx, timeouts): RFC 9309 says assume everything is
     * disallowed, so the crawl fails and says why.
     */
    private RobotsTxt readRobotsTxt() {
        if (!robotsPolicy.respect()
                || robotsPolicy.ignoreFor().orElse(List.of()).contains(shopUrl.getHost() + ":" + port(shopUrl))) {
            return RobotsTxt.allowAll();
        }
        URI robotsUrl = shopUrl.resolve("/robots.txt");
        try {
            loader.load(tab, robotsUrl, cancelled);
        } catch (PageLoadException e) {
            if (e.retryable()) {
                throw new CrawlFailedException("the shop's robots.txt (" + robotsUrl + ") could not be read: "
                        + e.reason() + "; RFC 9309 asks crawlers to stay away until it can", e);
            }
            return RobotsTxt.allowAll();
        } finally {
            reportBlockedRequests();
        }
        String text = tab.call(page -> String.valueOf(page.evaluate(
                "max => (document.body ? document.body.innerText : '').slice(0, max)", RobotsTxt.MAX_CHARS)));
        return RobotsTxt.parse(text);
    }

    private static int port(URI url) {
        return url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private ListingLinks loadListingPage(URI url) {
        productInTab = null;
        URI landed = metrics.timeListingLoad(() -> loader.load(tab, url, cancelled));
        if (origin == null) {
            origin = Origin.of(landed);
            tab.run(selectors::validate);
        }
        visitedListingPages.add(landed);
        try {
            return tab.call(this::readLinks);
        } catch (PlaywrightException e) {
            throw PageLoadException.permanent(url, "reading its links failed: " + BrowserErrors.summary(e));
        }
    }

    /**
     * No next page, and the crawl wants more: the listing may add products as it is scrolled ("infinite scroll") or
     * behind a "load more" button. The links are read again when it did.
     */
    private ListingLinks loadMoreOnThisPage(ListingLinks links) {
        productInTab = null;
        try {
            int rounds = tab.call(ListingScroll::loadMore);
            if (rounds == 0) {
                return links;
            }
            LOG.debugf("crawl of %s: %d rounds of scrolling brought more links", shopUrl, rounds);
            return tab.call(this::readLinks);
        } catch (PlaywrightException e) {
            LOG.debugf("crawl of %s: scrolling for more products failed: %s", shopUrl, BrowserErrors.summary(e));
            return links;
        } finally {
            reportBlockedRequests();
        }
    }

    /**
     * A shop's sitemaps list all its products, so they are read only when the user gave the shop itself (its
     * root), not a category, and neither the job's nor the default selectors found product links.
     */
    private boolean mayUseSitemaps() {
        String path = shopUrl.getRawPath();
        return !selectors.productLinkGiven() && discoveredBy != DiscoveryMethod.SELECTORS
                && (path == null || path.isEmpty() || path.equals("/")) && shopUrl.getRawQuery() == null;
    }

    private boolean crawlable(URI url) {
        return origin.contains(url) && robots.allows(url);
    }

    /**
     * The selectors first; when they find no product link on a shop that was not crawled by selectors so far,
     * and the job gave none of its own, the page is searched for products (ProductDiscovery).
     */
    private ListingLinks readLinks(Page page) {
        ListingLinks bySelectors = ListingLinks.read(page, selectors);
        boolean selectorsWork = discoveredBy == null || discoveredBy == DiscoveryMethod.SELECTORS;
        if (selectorsWork && !bySelectors.products().isEmpty()) {
            discoveredBy = DiscoveryMethod.SELECTORS;
            return bySelectors;
        }
        if (selectors.productLinkGiven() || discoveredBy == DiscoveryMethod.SELECTORS) {
            return bySelectors;
        }
        ProductDiscovery.Found found = ProductDiscovery.read(page);
        List<String> nextPages = bySelectors.nextPages().isEmpty() ? found.nextPages() : bySelectors.nextPages();
        Optional<ProductDiscovery.Choice> choice = ProductDiscovery.choose(found, discoveredGroupKey);
        if (choice.isEmpty()) {
            return new ListingLinks(List.of(), nextPages);
        }
        if (discoveredBy == null) {
            discoveredBy = choice.get().method();
            discoveredGroupKey = choice.get().groupKey();
            LOG.debugf("crawl of %s: product links found by %s", shopUrl, discoveredBy.wireName());
        }
        return new ListingLinks(choice.get().links(), nextPages);
    }

    private void visitProduct(int index, URI product) {
        boolean loaded = product.equals(productInTab);
        productInTab = null;
        if (listener.alreadyCaptured(index, product)) {
            skipped++;
            metrics.countProduct("skipped");
            return;
        }
        if (!robots.allows(product)) {
            fail(index, product, "disallowed by the shop's robots.txt");
            return;
        }
        ProductScreenshot screenshot;
        PageEvidence evidence;
        try {
            if (!loaded) {
                metrics.timeProductLoad(() -> loader.load(tab, product, cancelled));
            } else if (cancelled.getAsBoolean()) {
                // The check a load makes first.
                throw new CrawlCancelledException();
            }
            evidence = tab.call(PageEvidenceReader::read).orElse(null);
            screenshot = metrics.timeScreenshot(() -> BrowserErrors.triedTwice(() -> tab.call(this::takeScreenshot)));
        } catch (PageLoadException e) {
            fail(index, product, e.reason());
            return;
        } catch (PlaywrightException e) {
            fail(index, product, "screenshot failed: " + BrowserErrors.summary(e));
            return;
        } finally {
            reportBlockedRequests();
        }
        if (screenshot.png().length > limits.maxBytes()) {
            fail(index, product, "screenshot of " + screenshot.png().length + " bytes, more than the limit of "
                    + limits.maxBytes());
            return;
        }
        PngSize size = PngSize.of(screenshot.png());
        captured++;
        metrics.countProduct("captured");
        listener.onCaptured(new CapturedProduct(index, product, screenshot.name(), screenshot.png(), size.width(),
                size.height(), screenshot.scope(), evidence));
    }

    private ProductScreenshot takeScreenshot(Page page) {
        return ProductScreenshot.take(page, selectors.productArea(), limits.maxWidth(), limits.maxHeight());
    }

    private void fail(int index, URI product, String reason) {
        LOG.debugf("product %s failed: %s", product, reason);
        failed++;
        metrics.countProduct("failed");
        listener.onProductFailed(new ProductFailure(index, product, reason));
    }

    private void reportBlockedRequests() {
        for (BlockedRequest blocked : tab.drainBlockedRequests()) {
            metrics.countBlockedRequest();
            listener.onRequestBlocked(blocked.url(), blocked.reason());
        }
    }

    /** The link without its fragment, if it is a URL on the crawl's origin. */
    private Optional<URI> sameOriginUrl(String href) {
        int fragment = href.indexOf('#');
        try {
            URI url = new URI(fragment < 0 ? href : href.substring(0, fragment));
            return url.isAbsolute() && origin.contains(url) ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
