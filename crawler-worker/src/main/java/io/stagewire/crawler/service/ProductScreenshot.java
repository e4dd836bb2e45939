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
     * In the page, in one round trip: the first area selector (in order) whose element, once cleared, is visible —
     * cleared, inspected and, when it fits the viewport but lies outside it, scrolled into view — else the cleared
     * viewport's name. A selector the DOM cannot parse (Playwright's own syntax: {@code :has-text()}, {@code >>})
     * answers {@code {unsupported: true}} and the areas are looked up through Playwright locators instead.
     */
    private static final String PREPARE = """
            async (selectors) => {
              const clear = CLEAR_VIEW;
              const inspect = INSPECT;
              try { selectors.forEach(selector => document.querySelector(selector)); } catch (e) { return {unsupported: true}; }
              for (const selector of selectors) {
                const area = document.querySelector(selector);
                if (!area) continue;
                await clear(area);
                let found = inspect(area);
                if (!found.visible) continue;
                const fits = found.width <= innerWidth && found.height <= innerHeight;
                const box = () => area.getBoundingClientRect();
                if (fits && (box().top < 0 || box().left < 0 || box().bottom > innerHeight || box().right > innerWidth)) {
                  area.scrollIntoView({block: 'nearest', inline: 'nearest'});
                  found = inspect(area);
                }
                // Whole pixels, rounded outwards, so nothing of the area is cut off.
                const b = box();
                const left = Math.floor(b.left), top = Math.floor(b.top);
                found.view = {x: left, y: top, width: Math.ceil(b.right) - left, height: Math.ceil(b.bottom) - top};
                found.inView = left >= 0 && top >= 0 && Math.ceil(b.right) <= innerWidth && Math.ceil(b.bottom) <= innerHeight;
                return found;
              }
              await clear(null);
              return inspect(null);
            }""".replace("CLEAR_VIEW", CLEAR_VIEW).replace("INSPECT", INSPECT);

    /**
     * The product area's screenshot when an area selector finds a visible one, else the viewport's. One evaluation
     * prepares and measures the area with the DOM's own {@code querySelector}, and the page is captured with a clip:
     * a Playwright locator would first build Playwright's injected script in every new document — per product page
     * about 120 ms and 0.18 CPU-seconds of the browser on a 2-core box, a third of what the whole capture cost.
     *
     * @param maxWidth  CSS pixels; a wider or taller product area is captured from its top left corner only, so
     *                  Chromium never renders, and no worker ever decodes, a bitmap of a page's whole length
     * @param maxHeight CSS pixels
     */
    static ProductScreenshot take(Page page, List<String> areaSelectors, int maxWidth, int maxHeight) {
        Map<?, ?> prepared = (Map<?, ?>) page.evaluate(PREPARE, areaSelectors);
        if (Boolean.TRUE.equals(prepared.get("unsupported"))) {
            return takeThroughLocators(page, areaSelectors, maxWidth, maxHeight);
        }
        String name = (String) prepared.get("name");
        if (!Boolean.TRUE.equals(prepared.get("visible"))) {
            return new ProductScreenshot(page.screenshot(new Page.ScreenshotOptions()
                    .setAnimations(ScreenshotAnimations.DISABLED)), ScreenshotScope.VIEWPORT, name);
        }
        double width = number(prepared, "width");
        double height = number(prepared, "height");
        Page.ScreenshotOptions options = new Page.ScreenshotOptions().setAnimations(ScreenshotAnimations.DISABLED);
        if (width <= maxWidth && height <= maxHeight && Boolean.TRUE.equals(prepared.get("inView"))) {
            Map<?, ?> view = (Map<?, ?>) prepared.get("view");
            options.setClip(number(view, "x"), number(view, "y"), number(view, "width"), number(view, "height"));
        } else {
            options.setFullPage(true).setClip(number(prepared, "x"), number(prepared, "y"), Math.min(width, maxWidth),
                    Math.min(height, maxHeight));
        }
        return new ProductScreenshot(page.screenshot(options), ScreenshotScope.PRODUCT_AREA, name);
    }

    /** {@link #take} for area selectors in Playwright's own syntax: each is looked up through a locator. */
    private static ProductScreenshot takeThroughLocators(Page page, List<String> areaSelectors, int maxWidth,
            int maxHeight) {
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
