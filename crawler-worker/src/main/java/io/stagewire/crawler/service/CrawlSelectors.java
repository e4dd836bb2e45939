package io.stagewire.crawler.service;

import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

import io.stagewire.crawler.config.CrawlerWorkerConfig;

/**
 * The selectors one crawl tries, in order: the job's own, or else the configured defaults.
 *
 * @param productLinkGiven the job brought its own product-link selector: an override, so no discovery
 *        (ProductDiscovery) when it finds nothing
 */
record CrawlSelectors(List<String> productLink, List<String> nextPage, List<String> productArea,
        boolean productLinkGiven) {

    static CrawlSelectors of(CrawlOptions options, CrawlerWorkerConfig.Selectors defaults) {
        return new CrawlSelectors(
                options.productLinkSelector() != null ? List.of(options.productLinkSelector()) : defaults.productLink(),
                options.nextPageSelector() != null ? List.of(options.nextPageSelector()) : defaults.nextPage(),
                options.productAreaSelector() != null ? List.of(options.productAreaSelector()) : defaults.productArea(),
                options.productLinkSelector() != null);
    }

    /** Fails the crawl on a selector Playwright cannot parse, before it fails every page one by one. */
    void validate(Page page) {
        validate(page, "productLinkSelector", productLink);
        validate(page, "nextPageSelector", nextPage);
        validate(page, "productAreaSelector", productArea);
    }

    private static void validate(Page page, String option, List<String> selectors) {
        for (String selector : selectors) {
            try {
                page.locator(selector).count();
            } catch (PlaywrightException e) {
                throw new CrawlFailedException(option + " '" + selector + "' is not a valid selector");
            }
        }
    }
}
