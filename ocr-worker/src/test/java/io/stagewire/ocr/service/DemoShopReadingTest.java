package io.stagewire.ocr.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagewire.ocr.DemoShopScreenshots;
import io.stagewire.ocr.DemoShopScreenshots.Screenshot;
import io.stagewire.ocr.engine.OcrFailedException;
import io.stagewire.ocr.engine.TesseractEngine;
import io.stagewire.ocr.engine.TesseractPool;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real screenshots of the demo shop through the real Tesseract, as the Kafka consumer will call it. */
class DemoShopReadingTest {
    private static final int ENGINES = Math.max(2, Runtime.getRuntime().availableProcessors());

    private static TesseractPool pool;
    private static OcrService ocr;

    @BeforeAll
    static void start() {
        pool = new TesseractPool(DemoShopScreenshots.SETTINGS, ENGINES);
        ocr = new OcrService(pool, new FieldExtractor());
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    static Stream<Screenshot> screenshots() {
        return DemoShopScreenshots.stream();
    }

    @Test
    void screenshotsCoverEveryTemplate() {
        assertThat(DemoShopScreenshots.all()).hasSizeGreaterThanOrEqualTo(12)
                .extracting(Screenshot::template).containsOnly("classic", "card", "catalogue", "outlet")
                .contains("classic", "card", "catalogue", "outlet");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("screenshots")
    void readsArticleNumberPriceAndEan(Screenshot screenshot) {
        OcrResult result = ocr.read(screenshot.png());

        ProductFields fields = result.fields();
        assertThat(fields.articleNumber()).as(result.text()).isEqualTo(screenshot.article());
        assertThat(fields.price()).as(result.text()).isEqualTo(screenshot.price());
        assertThat(fields.currency()).isEqualTo(screenshot.currency());
        assertThat(fields.ean()).as(result.text()).isEqualTo(screenshot.ean());
        assertThat(fields.confidence().articleNumber()).isBetween(60, 100);
        assertThat(fields.confidence().price()).isBetween(60, 100);
        assertThat(result.durationMs()).isPositive();
    }

    @Test
    void readsNearlyAllNamesExactly() {
        // Names are the weakest field (umlauts, light text on dark bands); the crawler also sends the h1.
        List<String> misread = DemoShopScreenshots.stream()
                .filter(screenshot -> !screenshot.name().equals(ocr.read(screenshot.png()).fields().name()))
                .map(Screenshot::slug)
                .toList();

        assertThat(misread).as("misread names").hasSizeLessThanOrEqualTo(DemoShopScreenshots.all().size() / 10);
    }

    /** Not the demo shop's: a selling price with raised cents (resources/raised-cents/product.html). */
    @Test
    void readsASellingPriceWithRaisedCents() {
        ProductFields fields = ocr.read(DemoShopScreenshots.bytesOf("/raised-cents/product.png")).fields();

        assertThat(fields.price()).isEqualByComparingTo("12.99");
        assertThat(fields.currency()).isEqualTo("EUR");
        assertThat(fields.articleNumber()).isEqualTo("KM-20417");
    }

    /** A sale: the old price struck through (resources/raised-cents/struck.html); never a misread old price. */
    @Test
    void readsTheSellingPriceBesideAStruckThroughOldPriceAndNeverAMisreadOldPrice() {
        ProductFields fields = ocr.read(DemoShopScreenshots.bytesOf("/raised-cents/struck.png")).fields();

        assertThat(fields.price()).isEqualByComparingTo("97.26");
        assertThat(fields.articleNumber()).isEqualTo("ART-77318");
        if (fields.previousPrice() != null) {
            assertThat(fields.previousPrice()).as("a previous price is the one the page shows or none").isEqualByComparingTo("121.58");
        }
    }

    @Test
    void failsACorruptScreenshotWithAReason() {
        byte[] png = DemoShopScreenshots.bySlug("spuelschwamm-10-stueck").png();
        byte[] truncated = Arrays.copyOf(png, 100);

        assertThatThrownBy(() -> ocr.read(truncated))
                .isInstanceOf(OcrFailedException.class)
                .hasMessageStartingWith("the screenshot is corrupt");
        assertThatThrownBy(() -> ocr.readAsync("not a png".getBytes()).join())
                .hasCauseInstanceOf(OcrFailedException.class);
        assertThat(ocr.read(png).fields().articleNumber()).isEqualTo("ART-30110");
    }

    @Test
    void readsTheSameFromManyThreadsAsOneAfterAnother() throws Exception {
        List<Screenshot> screenshots = DemoShopScreenshots.all();
        FieldExtractor extractor = new FieldExtractor();
        Map<String, ProductFields> sequential = new LinkedHashMap<>();
        try (TesseractEngine engine = TesseractEngine.open(DemoShopScreenshots.SETTINGS)) {
            screenshots.forEach(s -> sequential.put(s.slug(), extractor.extract(engine.recognize(s.png()))));
        }

        // More callers than engines, each going through every screenshot, each starting elsewhere.
        int callers = ENGINES * 2;
        try (ExecutorService consumers = Executors.newFixedThreadPool(callers)) {
            List<CompletableFuture<Map<String, ProductFields>>> rounds = IntStream.range(0, callers)
                    .mapToObj(caller -> CompletableFuture.supplyAsync(() -> readAll(rotated(screenshots, caller)), consumers))
                    .toList();
            for (CompletableFuture<Map<String, ProductFields>> round : rounds) {
                assertThat(round.get()).isEqualTo(sequential);
            }
        }
    }

    private static Map<String, ProductFields> readAll(List<Screenshot> screenshots) {
        Map<String, ProductFields> read = new LinkedHashMap<>();
        screenshots.forEach(s -> read.put(s.slug(), ocr.read(s.png()).fields()));
        return read;
    }

    private static List<Screenshot> rotated(List<Screenshot> screenshots, int by) {
        int shift = by % screenshots.size();
        return Stream.concat(screenshots.stream().skip(shift), screenshots.stream().limit(shift)).toList();
    }
}
