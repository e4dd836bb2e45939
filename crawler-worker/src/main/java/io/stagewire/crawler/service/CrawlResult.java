package io.stagewire.crawler.service;

import java.time.Duration;
import java.util.Optional;

/**
 * How a crawl ended.
 *
 * @param captured products screenshotted in this run
 * @param failed products that failed after retries
 * @param skipped products the listener reported as already captured
 * @param listingPages listing pages loaded
 * @param cancelled the cancellation check said stop; the crawl ended at the next page
 * @param incompleteReason why the crawl stopped before maxProducts and before the last listing page, if it did
 *        for another reason than cancellation (a listing page failed, the listing-page cap); null otherwise
 * @param duration wall time of the crawl
 * @param discoveredBy how the product links were found; null when none were
 */
public record CrawlResult(int captured, int failed, int skipped, int listingPages, boolean cancelled,
        String incompleteReason, Duration duration, DiscoveryMethod discoveredBy) {

    /** Products the crawl accounted for: captured, failed or skipped. */
    public int products() {
        return captured + failed + skipped;
    }

    public Optional<DiscoveryMethod> discovery() {
        return Optional.ofNullable(discoveredBy);
    }

    public Optional<String> incomplete() {
        return Optional.ofNullable(incompleteReason);
    }
}
