package io.stagewire.events.work;

/**
 * How far the crawler may go.
 *
 * @param maxProducts product pages to capture at most, {@value #MIN_PRODUCTS}-{@value #MAX_PRODUCTS}
 * @param maxPages    listing pages to walk at most, {@value #MIN_PAGES}-{@value #MAX_PAGES}; null means {@value #DEFAULT_PAGES}
 */
public record CrawlerConfig(int maxProducts, Integer maxPages) {
    public static final int MIN_PRODUCTS = 1;
    public static final int MAX_PRODUCTS = 500;
    public static final int MIN_PAGES = 1;
    public static final int MAX_PAGES = 100;
    public static final int DEFAULT_PAGES = 20;

    /** maxPages with the default applied. */
    public int effectiveMaxPages() {
        return maxPages == null ? DEFAULT_PAGES : maxPages;
    }
}
