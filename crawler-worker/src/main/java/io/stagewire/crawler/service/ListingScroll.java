package io.stagewire.crawler.service;

import com.microsoft.playwright.Page;

/**
 * A listing page that shows more products as it is scrolled, or behind a "load more" button
 * (resources/discovery/load-more-products.js): used when the page has no next-page link and the crawl wants more.
 */
final class ListingScroll {
    /** Rounds of scrolling at most per listing page: with 12 to 48 products a round, enough for any maxProducts. */
    static final int MAX_ROUNDS = 40;
    private static final String SCRIPT = DiscoveryScripts.load("load-more-products.js");

    private ListingScroll() {
    }

    /** Scrolls (or presses "load more") until no new link appears; the rounds that brought new links. */
    static int loadMore(Page page) {
        return page.evaluate(SCRIPT, MAX_ROUNDS) instanceof Number rounds ? rounds.intValue() : 0;
    }
}
