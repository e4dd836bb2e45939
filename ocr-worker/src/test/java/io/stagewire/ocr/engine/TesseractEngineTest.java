package io.stagewire.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagewire.ocr.DemoShopScreenshots;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine against the real Tesseract. */
class TesseractEngineTest {
    private static TesseractEngine engine;
    private static byte[] screenshot;

    @BeforeAll
    static void open() {
        engine = TesseractEngine.open(DemoShopScreenshots.SETTINGS);
        screenshot = DemoShopScreenshots.bySlug("gusseisen-pfanne-28-cm").png();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void readsWordsWithConfidencesAndBoxesLineByLine() {
        RecognizedPage page = engine.recognize(screenshot);

        assertThat(page.width()).isEqualTo(1000);
        TextLine articleLine = lineContaining(page, "ART-10235");
        assertThat(articleLine.text()).isEqualTo("Art.-Nr.: ART-10235");
        assertThat(articleLine.words()).allSatisfy(word -> assertThat(word.confidence()).isBetween(50f, 100f));
        Word price = lineContaining(page, "54,90").words().getFirst();
        assertThat(price.text()).isEqualTo("54,90");
        // A 34px bold price against an 18px article number: the box heights tell them apart.
        assertThat(price.box().height()).isGreaterThan(articleLine.glyphHeight() * 3 / 2);
        assertThat(price.box().top()).isGreaterThan(articleLine.box().bottom());
    }

    /** Cents set small and raised (resources/raised-cents/prices.html, as Chromium renders it). */
    @Test
    void readsRaisedCentsAsTheCentsOfTheAmount() {
        RecognizedPage page = engine.recognize(DemoShopScreenshots.bytesOf("/raised-cents/prices.png"));

        assertThat(page.lines()).map(TextLine::text)
                .containsExactly("12,99 €", "129,95 €", "1299 €", "12,99* €", "Modell 2024");
    }

    @Test
    void readsTheSameWordsEveryTime() {
        assertThat(engine.recognize(screenshot)).isEqualTo(engine.recognize(screenshot));
    }

    @Test
    void readsTheTextOfAPhotoOverThePixelLimitSubsampled() throws IOException {
        // A 20 MP image with 160px text, read under the default 256 MB heap's limit (9.27 MP): at 1/2, 2800 x 1800.
        BufferedImage photo = new BufferedImage(5600, 3600, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = photo.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, photo.getWidth(), photo.getHeight());
            graphics.setColor(Color.BLACK);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setFont(new Font("DejaVu Sans", Font.PLAIN, 160));
            graphics.drawString("Art.-Nr.: ART-10235", 300, 1200);
            graphics.drawString("54,90 EUR", 300, 2000);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(photo, "png", png);
        photo = null;

        try (TesseractEngine limited = TesseractEngine.open(DemoShopScreenshots.SETTINGS, ImageBudget.pixelsOnly(9_270_000))) {
            RecognizedPage page = limited.recognize(png.toByteArray());

            assertThat(page.width()).isEqualTo(2800);
            assertThat(lineContaining(page, "ART-10235").text()).isEqualTo("Art.-Nr.: ART-10235");
            assertThat(lineContaining(page, "54,90").text()).isEqualTo("54,90 EUR");
        }
    }

    @Test
    void failsAnEmptyScreenshot() {
        assertThatThrownBy(() -> engine.recognize(new byte[0]))
                .isInstanceOf(OcrFailedException.class).hasMessage("the screenshot is empty");
        assertStillReads();
    }

    @Test
    void failsBytesThatAreNoImage() {
        byte[] noise = new byte[4096];
        new Random(5).nextBytes(noise);

        assertThatThrownBy(() -> engine.recognize(noise))
                .isInstanceOf(OcrFailedException.class).hasMessage("the screenshot is not an image in a known format");
        assertStillReads();
    }

    @Test
    void failsATruncatedPng() {
        byte[] truncated = Arrays.copyOf(screenshot, screenshot.length / 2);

        assertThatThrownBy(() -> engine.recognize(truncated))
                .isInstanceOf(OcrFailedException.class).hasMessageStartingWith("the screenshot is corrupt: ");
        assertStillReads();
    }

    @Test
    void failsAPngWithDamagedImageData() {
        byte[] damaged = screenshot.clone();
        // Past the header chunks: the compressed pixel data no longer inflates.
        Arrays.fill(damaged, 200, 1200, (byte) 0x55);

        assertThatThrownBy(() -> engine.recognize(damaged))
                .isInstanceOf(OcrFailedException.class).hasMessageStartingWith("the screenshot is corrupt: ");
        assertStillReads();
    }

    @Test
    void readsAScreenshotOverTheLimitSubsampledAndRefusesOneThatFitsNotEvenAtTheCoarsestBeforeDecodingIt() {
        // 1000 x 348 = 348000 pixels: at 1/2 (500 x 174) within 100000; at 1/4 (250 x 87) still over 20000.
        TesseractSettings small = new TesseractSettings("/usr/share/tesseract-ocr/5/tessdata", "eng", 1, 3, 96, 100_000, Map.of());
        try (TesseractEngine limited = TesseractEngine.open(small)) {
            assertThat(limited.recognize(screenshot).width()).isEqualTo(500);
        }
        TesseractSettings tiny = new TesseractSettings("/usr/share/tesseract-ocr/5/tessdata", "eng", 1, 3, 96, 20_000, Map.of());
        try (TesseractEngine limited = TesseractEngine.open(tiny)) {
            assertThatThrownBy(() -> limited.recognize(screenshot))
                    .isInstanceOf(OcrFailedException.class)
                    .hasMessageStartingWith("the image is 1000x348 (348000 pixels, ")
                    .hasMessageEndingWith("even read at 1/4 of its width and height (250x87) it exceeds the limit of 20000"
                            + " pixels, and text read any coarser would be unreadable");
        }
    }

    @Test
    void refusesToOpenWithoutTheLanguageData() {
        TesseractSettings missing = new TesseractSettings("/usr/share/tesseract-ocr/5/tessdata", "xyz", 1, 3, 96, 1, Map.of());

        assertThatThrownBy(() -> TesseractEngine.open(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not load the languages 'xyz'");
    }

    @Test
    void refusesAnUnknownVariable() {
        TesseractSettings unknown = new TesseractSettings("/usr/share/tesseract-ocr/5/tessdata", "eng", 1, 3, 96, 1,
                Map.of("no_such_variable", "1"));

        assertThatThrownBy(() -> TesseractEngine.open(unknown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no variable 'no_such_variable'");
    }

    @Test
    void cannotBeUsedOnceClosed() {
        TesseractEngine closed = TesseractEngine.open(DemoShopScreenshots.SETTINGS);
        closed.close();
        closed.close();

        assertThatThrownBy(() -> closed.recognize(screenshot)).isInstanceOf(IllegalStateException.class);
    }

    private static void assertStillReads() {
        assertThat(lineContaining(engine.recognize(screenshot), "ART-10235")).isNotNull();
    }

    private static TextLine lineContaining(RecognizedPage page, String text) {
        return page.lines().stream().filter(line -> line.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + text + " in:\n" + page.text()));
    }
}
