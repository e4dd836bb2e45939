package io.stagewire.crawler.browser;

/** A request a page tried to make and the guard aborted, with the reason. */
public record BlockedRequest(String url, String reason) {
}
