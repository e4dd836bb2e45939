package io.stagewire.ocr.engine;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Pages drawn in memory for the engine's image tests. */
final class TestPages {
    private TestPages() {
    }

    /** An RGB page of one colour, to draw boxes and strokes on. */
    static BufferedImage filled(int width, int height, Color background) {
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return page;
    }
}
