package io.stagewire.crawler.service;

import java.net.URI;

/**
 * Receives a crawl's results one by one, on the thread that called {@link ShopCrawler#crawl}, as they happen.
 * An exception thrown here ends the crawl and reaches the caller.
 */
public interface CrawlListener {

    /** A product page was screenshotted. */
    void onCaptured(CapturedProduct product);

    /** A product page failed after its retries; its index is not reused. */
    default void onProductFailed(ProductFailure failure) {
    }

    /** A page tried to load something the SSRF guard refused; the request was aborted. */
    default void onRequestBlocked(String url, String reason) {
    }

    /**
     * Asked before a product page is visited. Answer true for a product a previous, interrupted run of the same
     * job already stored, and the crawl skips it (it still counts towards maxProducts and keeps its index).
     */
    default boolean alreadyCaptured(int index, URI productUrl) {
        return false;
    }
}
