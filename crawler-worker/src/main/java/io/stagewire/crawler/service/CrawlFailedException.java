package io.stagewire.crawler.service;

/**
 * The crawl as a whole failed (start URL refused or unreachable, no products found, invalid selector, browser
 * unavailable); the message is the reason to show the user.
 */
public class CrawlFailedException extends RuntimeException {

    public CrawlFailedException(String reason) {
        super(reason);
    }

    public CrawlFailedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
