package io.stagewire.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
