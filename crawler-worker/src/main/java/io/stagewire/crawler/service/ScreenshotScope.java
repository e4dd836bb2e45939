package io.stagewire.crawler.service;

/** What a screenshot shows: the product area, or the whole viewport when no product area was found. */
public enum ScreenshotScope {
    PRODUCT_AREA,
    VIEWPORT
}
