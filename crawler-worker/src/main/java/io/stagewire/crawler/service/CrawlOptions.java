package io.stagewire.crawler.service;

/**
 * What one job asks of the crawl (the job's {@code crawlerConfig}). A selector left out (null or blank) means
 * "use the configured defaults", which are tried in order.
 *
 * @param maxProducts stop after this many products (at least 1)
 * @param productLinkSelector links to product pages on a listing page; an element that is not a link counts
 *        through the first link inside it
 * @param nextPageSelector the link to the next listing page
 * @param productAreaSelector the element to screenshot on a product page; without a match, the viewport
 */
public record CrawlOptions(int maxProducts, String productLinkSelector, String nextPageSelector,
        String productAreaSelector) {

    public CrawlOptions {
        if (maxProducts < 1) {
            throw new IllegalArgumentException("maxProducts must be at least 1, was " + maxProducts);
        }
        productLinkSelector = blankToNull(productLinkSelector);
        nextPageSelector = blankToNull(nextPageSelector);
        productAreaSelector = blankToNull(productAreaSelector);
    }

    /** What a crawl request's {@code crawlerConfig} asks for. */
    public static CrawlOptions of(io.stagewire.events.work.CrawlerConfig config) {
        return new CrawlOptions(config.maxProducts(), config.productLinkSelector(), config.nextPageSelector(),
                config.productAreaSelector());
    }

    /** The default selectors, at most {@code maxProducts} products. */
    public static CrawlOptions maxProducts(int maxProducts) {
        return new CrawlOptions(maxProducts, null, null, null);
    }

    private static String blankToNull(String selector) {
        return selector == null || selector.isBlank() ? null : selector.strip();
    }
}
