package io.stagewire.events.work;

/**
 * How far the crawler may go, and optionally where it looks. A selector left out (null) means the crawler's
 * configured defaults, which suit most shops (docs/crawler-worker.md).
 *
 * @param maxProducts         product pages to capture at most, {@value #MIN_PRODUCTS}-{@value #MAX_PRODUCTS}
 * @param maxPages            listing pages to walk at most, {@value #MIN_PAGES}-{@value #MAX_PAGES}; null means {@value #DEFAULT_PAGES}
 * @param productLinkSelector CSS/Playwright selector of the links to product pages on a listing page
 * @param nextPageSelector    selector of the link to the next listing page
 * @param productAreaSelector selector of the element to screenshot on a product page
 */
public record CrawlerConfig(int maxProducts, Integer maxPages, String productLinkSelector, String nextPageSelector,
                            String productAreaSelector) {
    public static final int MIN_PRODUCTS = 1;
    public static final int MAX_PRODUCTS = 500;
    public static final int MIN_PAGES = 1;
    public static final int MAX_PAGES = 100;
    public static final int DEFAULT_PAGES = 20;
    /** Longest selector accepted: a selector is a short expression, not a document. */
    public static final int MAX_SELECTOR_LENGTH = 500;

    /** Limits only; the crawler's default selectors. */
    public CrawlerConfig(int maxProducts, Integer maxPages) {
        this(maxProducts, maxPages, null, null, null);
    }

    /** maxPages with the default applied. */
    public int effectiveMaxPages() {
        return maxPages == null ? DEFAULT_PAGES : maxPages;
    }
}
