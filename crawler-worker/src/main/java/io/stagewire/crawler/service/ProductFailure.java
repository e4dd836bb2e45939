package io.stagewire.crawler.service;

import java.net.URI;

/** A product page that could not be captured after all retries; the crawl goes on with the next one. */
public record ProductFailure(int index, URI productUrl, String reason) {
}
