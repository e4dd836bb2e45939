package io.stagewire.crawler.service;

import java.util.List;

import com.microsoft.playwright.Page;

/** What a listing page links to: product pages and the next listing page, as absolute URLs in page order. */
record ListingLinks(List<String> products, List<String> nextPages) {

    // An element that is not a link itself (a product card) counts through the first link inside it.
    private static final String HREFS = """
            elements => elements
                .map(e => typeof e.href === 'string' ? e.href : e.querySelector('a[href]')?.href)
                .filter(href => typeof href === 'string' && href.length > 0)
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
