package io.stagewire.ocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Panels are groups of solid blocks of a colour other than the page's, large enough to carry a price, largest first. */
class ColourPanelsTest {
    private static final Color YELLOW = new Color(255, 230, 0);

    @Test
    void aYellowPriceBoxWithTextOnItIsOnePanelSpanningItsText() {
        BufferedImage page = page(Color.WHITE);
        Graphics2D g = page.createGraphics();
        g.setColor(YELLOW);
        g.fillRect(400, 96, 320, 240);
        g.setColor(new Color(139, 0, 0)); // the strokes of a price across most of the box: no block between them is solid
        for (int x = 416; x < 696; x += 12) {
            g.fillRect(x, 140, 5, 60);
        }
        g.setColor(Color.BLACK); // text on the page is no panel
        g.fillRect(40, 40, 200, 30);
        g.dispose();

        assertThat(ColourPanels.find(RgbImage.fromImage(page), 3)).containsExactly(new Box(400, 96, 320, 240));
    }

    @Test
    void theLargestComeFirstAndBadgesAndButtonsAreNoPanels() {
        BufferedImage page = page(Color.WHITE);
        Graphics2D g = page.createGraphics();
        g.setColor(YELLOW);
        g.fillRect(32, 32, 160, 160); // 100 blocks
        g.fillRect(480, 32, 96, 96); // 36 blocks, the same colour elsewhere: a panel of its own
        g.setColor(Color.RED);
        g.fillRect(32, 320, 64, 32); // a button: 8 blocks
        g.dispose();

        assertThat(ColourPanels.find(RgbImage.fromImage(page), 3))
                .containsExactly(new Box(32, 32, 160, 160), new Box(480, 32, 96, 96));
        assertThat(ColourPanels.find(RgbImage.fromImage(page), 1)).containsExactly(new Box(32, 32, 160, 160));
    }

    @Test
    void aPageOfOneColourHasNone() {
        assertThat(ColourPanels.find(RgbImage.fromImage(page(new Color(0x22, 0x22, 0x22))), 3)).isEmpty();
        assertThat(ColourPanels.find(RgbImage.fromImage(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB)), 3)).isEmpty();
    }

    private static BufferedImage page(Color background) {
        return TestPages.filled(800, 400, background);
    }
}
