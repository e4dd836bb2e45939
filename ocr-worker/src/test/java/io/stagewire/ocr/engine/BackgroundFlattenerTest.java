package io.stagewire.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Backgrounds become white and what is printed on them dark, whatever its colour, unless it is near another background. */
class BackgroundFlattenerTest {

    @Test
    void aYellowPriceBoxOnAWhitePageBecomesWhiteAndItsRedPriceDark() {
        BufferedImage page = page(Color.WHITE);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(255, 230, 0)); // a discounter's price box
        g.fillRect(160, 0, 160, 160);
        g.setColor(new Color(139, 0, 0)); // dark red price strokes on it
        g.fillRect(200, 20, 6, 40);
        g.setColor(Color.BLACK); // black text on the page
        g.fillRect(40, 20, 6, 40);
        g.dispose();
        RgbImage image = RgbImage.fromImage(page);

        assertThat(BackgroundFlattener.flatten(image)).isEqualTo(2);

        assertThat(gray(image, 10, 10)).as("white page").isEqualTo(255);
        assertThat(gray(image, 300, 150)).as("yellow box").isEqualTo(255);
        assertThat(gray(image, 202, 40)).as("red on yellow").isLessThan(64);
        assertThat(gray(image, 42, 40)).as("black on white").isLessThan(64);
    }

    @Test
    void aDarkThemeBecomesWhiteAndItsGreyTextDark() {
        BufferedImage page = page(new Color(0x22, 0x22, 0x22));
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(0x99, 0x99, 0x99));
        g.fillRect(40, 20, 6, 40);
        g.dispose();
        RgbImage image = RgbImage.fromImage(page);

        assertThat(BackgroundFlattener.flatten(image)).isEqualTo(1);

        assertThat(gray(image, 10, 10)).as("dark page").isEqualTo(255);
        assertThat(gray(image, 42, 40)).as("grey on dark").isLessThan(64);
    }

    private static BufferedImage page(Color background) {
        return TestPages.filled(320, 160, background);
    }

    private static int gray(RgbImage image, int x, int y) {
        int at = (y * image.width() + x) * RgbImage.BYTES_PER_PIXEL;
        assertThat(image.pixels().get(at)).isEqualTo(image.pixels().get(at + 1)).isEqualTo(image.pixels().get(at + 2));
        return image.pixels().get(at) & 0xff;
    }
}
