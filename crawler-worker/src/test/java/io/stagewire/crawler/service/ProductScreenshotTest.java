package io.stagewire.crawler.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.crawler.browser.BrowserContextPool;
import io.stagewire.crawler.browser.BrowserTab;
import io.stagewire.crawler.testing.TestSites;

/**
 * The capture of one product page in real Chromium: the area is found and measured in the page and captured by a
 * clip, in and out of the viewport, with fractional sizes, and through Playwright locators for selectors only
 * Playwright understands.
 */
@QuarkusTest
@WithTestResource(TestSites.class)
class ProductScreenshotTest {

    private static final List<String> AREAS = List.of("[data-product]", "main");
    private static final int GREEN = 0x00c000;

    @Inject
    BrowserContextPool contexts;

    @Test
    void capturesTheWholeAreaWhenItHasFractionalSizeAndNothingAroundIt() throws Exception {
        ProductScreenshot shot = take("""
                <body style="margin:0;background:#fff"><div style="height:10.5px"></div>
                <div data-product style="margin-left:20.25px;width:300.5px;height:100.5px;background:#00c000"><h1 style="margin:0;font-size:12px">Kaffee</h1></div>
                </body>""", AREAS);

        BufferedImage png = image(shot);
        assertThat(shot.scope()).isEqualTo(ScreenshotScope.PRODUCT_AREA);
        assertThat(shot.name()).isEqualTo("Kaffee");
        // Rounded outwards: [20, 321) × [10, 111)
        assertThat(png.getWidth()).isEqualTo(301);
        assertThat(png.getHeight()).isEqualTo(101);
        assertThat(rgb(png, png.getWidth() / 2, png.getHeight() - 2)).isEqualTo(GREEN);
    }

    @Test
    void scrollsAnAreaBelowTheFoldIntoViewAndCapturesItWhole() throws Exception {
        ProductScreenshot shot = take("""
                <body style="margin:0"><div style="height:2000px;background:#fff"></div>
                <main style="display:block;width:400px;height:300px;background:#00c000"><h1>Tee</h1></main>
                <div style="height:2000px"></div></body>""", AREAS);

        BufferedImage png = image(shot);
        assertThat(shot.scope()).isEqualTo(ScreenshotScope.PRODUCT_AREA);
        assertThat(png.getWidth()).isEqualTo(400);
        assertThat(png.getHeight()).isEqualTo(300);
        assertThat(rgb(png, 5, 5)).isEqualTo(GREEN);
        assertThat(rgb(png, 395, 295)).isEqualTo(GREEN);
    }

    @Test
    void capturesAnAreaTallerThanTheViewportBeyondIt() throws Exception {
        ProductScreenshot shot = take("""
                <body style="margin:0"><div data-product style="width:500px;height:1500px;background:#00c000"><h1>Reis</h1></div></body>""",
                AREAS);

        BufferedImage png = image(shot);
        assertThat(png.getWidth()).isEqualTo(500);
        assertThat(png.getHeight()).isEqualTo(1500);
        assertThat(rgb(png, 250, 1490)).isEqualTo(GREEN);
    }

    @Test
    void takesTheViewportWhenNoAreaIsVisible() throws Exception {
        ProductScreenshot shot = take("""
                <head><title>Nur Text</title></head><body><div data-product style="display:none">x</div><p>Brot</p></body>""",
                AREAS);

        assertThat(shot.scope()).isEqualTo(ScreenshotScope.VIEWPORT);
        assertThat(shot.name()).isEqualTo("Nur Text");
        assertThat(image(shot).getHeight()).isEqualTo(800);
    }

    @Test
    void findsAnAreaBySelectorsOnlyPlaywrightUnderstands() throws Exception {
        ProductScreenshot shot = take("""
                <body style="margin:0"><section style="width:200px;height:120px;background:#fff">Werbung</section>
                <section style="width:250px;height:150px;background:#00c000"><h1 style="margin:0">Preis 9,99</h1></section></body>""",
                List.of("section:has-text('Preis')"));

        BufferedImage png = image(shot);
        assertThat(shot.scope()).isEqualTo(ScreenshotScope.PRODUCT_AREA);
        assertThat(shot.name()).isEqualTo("Preis 9,99");
        assertThat(png.getWidth()).isEqualTo(250);
        assertThat(png.getHeight()).isEqualTo(150);
    }

    private ProductScreenshot take(String html, List<String> areas) throws InterruptedException {
        try (BrowserTab tab = contexts.open()) {
            tab.run(page -> page.setContent(html));
            return tab.call(page -> ProductScreenshot.take(page, areas, 1920, 7000));
        }
    }

    private static BufferedImage image(ProductScreenshot shot) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(shot.png()));
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xffffff;
    }
}
