package io.stagewire.crawler.service;

/** Unwinds a crawl whose cancellation check said stop (or whose thread was interrupted). */
class CrawlCancelledException extends RuntimeException {

    CrawlCancelledException() {
        super("crawl cancelled", null, false, false);
    }
}
