package io.stagewire.crawler.service;

import java.util.List;

import com.microsoft.playwright.Page;

/** What a listing page links to: product pages and the next listing page, as absolute URLs in page order. */
record ListingLinks(List<String> products, List<String> nextPages) {

    // An element that is not a link itself (a product card) counts through the first link inside it. Deduplicated,
    // at most 2048 characters each and 5000 in all, in the page: a listing page of a million links (or of one huge
    // href) must not arrive in the worker's heap. A crawl takes at most 500 products.
    private static final String HREFS = """
            elements => [...new Set(elements
                .map(e => typeof e.href === 'string' ? e.href : e.querySelector('a[href]')?.href)
                .filter(href => typeof href === 'string' && href.length > 0 && href.length <= 2048))]
                .slice(0, 5000)
            """;

    static ListingLinks read(Page page, CrawlSelectors selectors) {
        return new ListingLinks(firstMatching(page, selectors.productLink()), firstMatching(page, selectors.nextPage()));
    }

    /** The links of the first selector that finds any. */
    private static List<String> firstMatching(Page page, List<String> selectors) {
        for (String selector : selectors) {
            Object hrefs = page.locator(selector).evaluateAll(HREFS);
            if (hrefs instanceof List<?> list && !list.isEmpty()) {
                return list.stream().map(String::valueOf).toList();
            }
        }
        return List.of();
    }
}
