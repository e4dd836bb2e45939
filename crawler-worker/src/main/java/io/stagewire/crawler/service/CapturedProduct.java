package io.stagewire.crawler.service;

import java.net.URI;

import io.stagewire.events.work.PageEvidence;

/**
 * One product page, screenshotted.
 *
 * @param index position of the product in the crawl, from 0, in listing order; stable across re-crawls of an
 *        unchanged shop, so it can key the result
 * @param productUrl the product link as found on the listing page
 * @param name from the product area's {@code h1}, else the page's {@code h1}, else the page title
 * @param png the screenshot
 * @param width pixel width of the PNG
 * @param height pixel height of the PNG
 * @param scope whether the PNG shows the product area or the viewport
 * @param evidence what the page states about the product in machine-readable form; null when nothing
 */
public record CapturedProduct(int index, URI productUrl, String name, byte[] png, int width, int height,
        ScreenshotScope scope, PageEvidence evidence) {
}
