package io.stagewire.crawler.service;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotAnimations;

/** A screenshot of a loaded product page: its product area when a selector finds a visible one, else the viewport. */
record ProductScreenshot(byte[] png, ScreenshotScope scope, String name) {

    /**
     * In the page, in one round trip: whether the element is rendered with a size, and the product's name — the
     * element's h1, else the page's h1, else the title (the h1 is what the shop calls the product). Each Playwright
     * call is a round trip through the driver; per product this replaces five of them.
     */
    private static final String INSPECT = """
            (area) => {
              // At most 1000 characters (the event's limit) leave the page, however long the heading.
              const text = e => (e && e.innerText ? e.innerText.slice(0, 4000).replace(/\\s+/g, ' ').trim().slice(0, 1000) : '');
              const name = () => text(area && area.querySelector('h1')) || text(document.querySelector('h1'))
                  || (document.title || '').slice(0, 4000).replace(/\\s+/g, ' ').trim().slice(0, 1000);
              if (!area) return {visible: false, name: name()};
              const box = area.getBoundingClientRect();
              const style = getComputedStyle(area);
              const visible = box.width >= 1 && box.height >= 1 && style.visibility !== 'hidden' && style.display !== 'none';
              return {visible, name: name(), x: box.left + window.scrollX, y: box.top + window.scrollY,
                      width: box.width, height: box.height};
            }""";

    /** Hides what covers the product (cookie banners, sticky bars) and loads its lazy images; resources/discovery. */
    private static final String CLEAR_VIEW = DiscoveryScripts.load("clear-product-view.js");

    /**
     * @param maxWidth  CSS pixels; a wider or taller product area is captured from its top left corner only, so
     *                  Chromium never renders, and no worker ever decodes, a bitmap of a page's whole length
     * @param maxHeight CSS pixels
     */
    static ProductScreenshot take(Page page, List<String> areaSelectors, int maxWidth, int maxHeight) {
        for (String selector : areaSelectors) {
            Locator area = page.locator(selector).first();
            if (area.count() > 0) {
                area.evaluate(CLEAR_VIEW);
                Map<?, ?> inspected = (Map<?, ?>) area.evaluate(INSPECT);
                if (Boolean.TRUE.equals(inspected.get("visible"))) {
                    String name = (String) inspected.get("name");
                    double width = number(inspected, "width");
                    double height = number(inspected, "height");
                    if (width <= maxWidth && height <= maxHeight) {
                        // Animations are fast-forwarded so a carousel or fade-in is not caught half-way.
                        byte[] png = area.screenshot(new Locator.ScreenshotOptions()
                                .setAnimations(ScreenshotAnimations.DISABLED));
                        return new ProductScreenshot(png, ScreenshotScope.PRODUCT_AREA, name);
                    }
                    byte[] png = page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                            .setClip(number(inspected, "x"), number(inspected, "y"), Math.min(width, maxWidth),
                                    Math.min(height, maxHeight))
                            .setAnimations(ScreenshotAnimations.DISABLED));
                    return new ProductScreenshot(png, ScreenshotScope.PRODUCT_AREA, name);
                }
            }
        }
        page.evaluate(CLEAR_VIEW, null);
        byte[] png = page.screenshot(new Page.ScreenshotOptions().setAnimations(ScreenshotAnimations.DISABLED));
        return new ProductScreenshot(png, ScreenshotScope.VIEWPORT, (String) ((Map<?, ?>) page.evaluate(INSPECT, null)).get("name"));
    }

    private static double number(Map<?, ?> inspected, String key) {
        return ((Number) inspected.get(key)).doubleValue();
    }
}
