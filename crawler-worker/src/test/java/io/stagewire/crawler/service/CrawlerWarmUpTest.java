package io.stagewire.crawler.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.crawler.testing.TestSites;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The start-up warm-up goes through a crawl's capture path: evidence read, product area captured in real Chromium. */
@QuarkusTest
@WithTestResource(TestSites.class)
class CrawlerWarmUpTest {
    @Inject
    CrawlerWarmUp warmUp;

    @Test
    void capturesTheProductAreaOfTheWarmUpPage() throws InterruptedException {
        ProductScreenshot screenshot = warmUp.warmUp();

        assertThat(screenshot.scope()).isEqualTo(ScreenshotScope.PRODUCT_AREA);
        PngSize size = PngSize.of(screenshot.png());
        // main: 640 px wide plus 24 px padding on each side; name, article number, picture and prices below each other
        assertThat(size.width()).isEqualTo(688);
        assertThat(size.height()).isBetween(300, 700);
    }
}
