package io.stagewire.crawler.messaging;

import java.net.URI;
import java.net.URISyntaxException;

import io.stagewire.events.work.CrawlRequest;
import io.stagewire.events.work.CrawlerConfig;
import io.stagewire.worker.messaging.WorkRequestDecoder;

/** Reads a crawl.requests record and refuses one that cannot be answered with stage events. */
final class CrawlRequests {

    private CrawlRequests() {
    }

    /** @throws IllegalArgumentException with the reason, which becomes the dead letter's dead-letter-reason */
    static CrawlRequest decode(byte[] value) {
        CrawlRequest request = WorkRequestDecoder.decode(value, CrawlRequest.class);
        WorkRequestDecoder.requireText(CrawlRequest.class, "shopUrl", request.shopUrl(), 2048);
        requireHttpUrl(request.shopUrl());
        CrawlerConfig config = request.crawlerConfig();
        if (config == null) {
            throw new IllegalArgumentException("CrawlRequest needs crawlerConfig");
        }
        if (config.maxProducts() < CrawlerConfig.MIN_PRODUCTS || config.maxProducts() > CrawlerConfig.MAX_PRODUCTS) {
            throw new IllegalArgumentException("crawlerConfig.maxProducts must be " + CrawlerConfig.MIN_PRODUCTS + "-"
                    + CrawlerConfig.MAX_PRODUCTS + ", was " + config.maxProducts());
        }
        int maxPages = config.effectiveMaxPages();
        if (maxPages < CrawlerConfig.MIN_PAGES || maxPages > CrawlerConfig.MAX_PAGES) {
            throw new IllegalArgumentException("crawlerConfig.maxPages must be " + CrawlerConfig.MIN_PAGES + "-"
                    + CrawlerConfig.MAX_PAGES + ", was " + maxPages);
        }
        requireSelector("productLinkSelector", config.productLinkSelector());
        requireSelector("nextPageSelector", config.nextPageSelector());
        requireSelector("productAreaSelector", config.productAreaSelector());
        return request;
    }


    /** A selector is optional; one that is given must be short. Whether it parses is checked at the first page. */
    private static void requireSelector(String field, String selector) {
        if (selector != null && selector.length() > CrawlerConfig.MAX_SELECTOR_LENGTH) {
            throw new IllegalArgumentException("crawlerConfig." + field + " is longer than "
                    + CrawlerConfig.MAX_SELECTOR_LENGTH + " characters");
        }
    }

    private static void requireHttpUrl(String shopUrl) {
        try {
            URI url = new URI(shopUrl);
            if (!("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                    || url.getHost() == null) {
                throw new IllegalArgumentException("shopUrl '" + shopUrl + "' is not an http(s) URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("shopUrl is not a URL: " + e.getMessage(), e);
        }
    }
}
