package io.stagewire.crawler.service;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ScreenshotAnimations;

/** A screenshot of a loaded product page: its product area when a selector finds a visible one, else the viewport. */
record ProductScreenshot(byte[] png, ScreenshotScope scope, String name) {

    static ProductScreenshot take(Page page, List<String> areaSelectors) {
        for (String selector : areaSelectors) {
            Locator area = page.locator(selector).first();
            if (area.count() > 0 && area.isVisible()) {
                BoundingBox box = area.boundingBox();
                if (box != null && box.width >= 1 && box.height >= 1) {
                    // Animations are fast-forwarded so a carousel or fade-in is not caught half-way.
                    byte[] png = area.screenshot(new Locator.ScreenshotOptions()
                            .setAnimations(ScreenshotAnimations.DISABLED));
                    return new ProductScreenshot(png, ScreenshotScope.PRODUCT_AREA, name(page, area));
                }
            }
        }
        byte[] png = page.screenshot(new Page.ScreenshotOptions().setAnimations(ScreenshotAnimations.DISABLED));
        return new ProductScreenshot(png, ScreenshotScope.VIEWPORT, name(page, null));
    }

    /** The area's h1, else the page's h1, else the title: the h1 is what the shop calls the product. */
    private static String name(Page page, Locator area) {
        for (Locator heading : area == null
                ? List.of(page.locator("h1").first())
                : List.of(area.locator("h1").first(), page.locator("h1").first())) {
            if (heading.count() > 0) {
                String text = normalise(heading.innerText());
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return normalise(page.title());
    }

    private static String normalise(String text) {
        return text == null ? "" : text.replaceAll("(?U)\\s+", " ").strip();
    }
}
