package io.stagewire.crawler.browser;

/** A request a page tried to make and the egress proxy refused: its URL (host:port for a tunnel) and the reason. */
public record BlockedRequest(String url, String reason) {
}
