package io.stagewire.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import io.stagewire.ocr.testing.SparsePng;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RgbImageTest {
    private static final int RED = 0xFFD01010;
    private static final int BLUE = 0xFF1020E0;

    @Test
    void handsOverRedGreenBlueInThatOrderFromADecodedPng() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_3BYTE_BGR);
        image.setRGB(0, 0, RED);
        image.setRGB(1, 0, BLUE);

        RgbImage rgb = RgbImage.decode(png(image), 100);

        assertThat(rgb.width()).isEqualTo(2);
        assertThat(rgb.height()).isEqualTo(1);
        assertThat(bytes(rgb)).containsExactly(0xD0, 0x10, 0x10, 0x10, 0x20, 0xE0);
    }

    @Test
    void laysTransparentPixelsOverWhite() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, RED);
        image.setRGB(1, 0, 0x00000000);

        assertThat(bytes(RgbImage.fromImage(image))).containsExactly(0xD0, 0x10, 0x10, 0xFF, 0xFF, 0xFF);
    }

    @Test
    void convertsEveryBandOfATallImage() {
        // 1000 x 1000 is several 1 MiB conversion bands; the last row must arrive too.
        BufferedImage image = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(999, 999, RED);
        image.setRGB(0, 500, BLUE);

        ByteBuffer pixels = RgbImage.fromImage(image).pixels();

        assertThat(pixels.remaining()).isEqualTo(3_000_000);
        assertThat(Byte.toUnsignedInt(pixels.get(3 * (999 * 1000 + 999)))).isEqualTo(0xD0);
        assertThat(Byte.toUnsignedInt(pixels.get(3 * (500 * 1000) + 2))).isEqualTo(0xE0);
        assertThat(Byte.toUnsignedInt(pixels.get(3 * 1000))).isEqualTo(0xFF);
    }

    @Test
    void readsAnImageOverTheBudgetSubsampledWithoutDecodingItAtFullSize() {
        // 36 MP in about 120 KB: decoded at full size it alone would take 144 MB (RGBA) of this test's 256 MB heap.
        // 15 bytes per RGBA pixel while read: 100 MiB hold 6.99 MP, so every 3rd pixel of every 3rd row (4 MP).
        byte[] bomb = SparsePng.white(6000, 6000, SparsePng.RGBA);
        ImageBudget budget = ImageBudget.of(40_000_000, 100L << 20, 1);

        int[] size = RgbImage.decode(bomb, budget, image -> new int[] {image.width(), image.height(), image.pixels().remaining()});

        assertThat(size).containsExactly(2000, 2000, 2000 * 2000 * 3);
    }

    @Test
    void refusesAnImageThatDoesNotFitEvenAtTheCoarsestSubsamplingFromItsHeaderBeforeDecodingIt() {
        // At 1/4, 6000 x 6000 is 1500 x 1500 = 2.25 MP: still over a 2 MP limit, and 1/5 would lose the text.
        byte[] bomb = SparsePng.white(6000, 6000, SparsePng.RGBA);
        ImageBudget budget = ImageBudget.pixelsOnly(2_000_000);
        AtomicBoolean used = new AtomicBoolean();

        assertThatThrownBy(() -> RgbImage.decode(bomb, budget, image -> used.getAndSet(true)))
                .isInstanceOf(OcrFailedException.class)
                .hasMessage("the image is 6000x6000 (36000000 pixels, 4 bytes per decoded pixel): even read at 1/4 of its"
                        + " width and height (1500x1500) it exceeds the limit of 2000000 pixels,"
                        + " and text read any coarser would be unreadable");
        assertThat(used).isFalse();
    }

    @Test
    void readsAnImageThatFitsAndReleasesItsMemory() {
        ImageBudget budget = ImageBudget.of(2_000_000, 28L << 20, 1);

        for (int round = 0; round < 3; round++) {
            int width = RgbImage.decode(SparsePng.white(1600, 1000, SparsePng.RGB), budget, RgbImage::width);
            assertThat(width).isEqualTo(1600);
        }
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    private static int[] bytes(RgbImage image) {
        byte[] bytes = new byte[image.pixels().remaining()];
        image.pixels().get(0, bytes);
        int[] unsigned = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            unsigned[i] = Byte.toUnsignedInt(bytes[i]);
        }
        return unsigned;
    }
}
