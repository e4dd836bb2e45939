package io.stagewire.ocr.engine;

import java.nio.ByteBuffer;

/**
 * Turns a page with several backgrounds into black text on white, in place, for a second reading.
 *
 * <p>Tesseract binarises a page with one global (Otsu) threshold. A page with more than two tones — white, a yellow price
 * box, dark text — is split between white and yellow, so the box becomes a black block and its text (the price, as
 * discounters print it) is lost; a dark theme's light text fares little better. Here every colour that fills solid
 * {@value #BLOCK}×{@value #BLOCK} blocks covering at least {@value #MIN_SHARE_PERCENT} % of the page is taken for a
 * background (text strokes never fill such a block), pixels near a background colour become white and the others
 * grey to black by their distance from it, so text is dark on white whatever it was printed on.
 */
public final class BackgroundFlattener {
    static final int BLOCK = 16;
    static final int MIN_SHARE_PERCENT = 2;
    /** Colours are compared by their top {@value #BITS} bits per channel; a pixel is background within {@value #NEAR} per channel. */
    static final int BITS = 4;
    private static final int NEAR = 24;
    /** Beyond {@link #NEAR}, this much more distance from every background makes a pixel black. */
    private static final int RAMP = 96;
    private static final int MAX_BACKGROUNDS = 8;

    private BackgroundFlattener() {
    }

    /**
     * Flattens {@code image} in place; returns how many background colours were found. Light text on a dark panel is
     * near the page's white and so is lost here: the first reading, which Tesseract inverts for itself, is the one
     * that reads dark themes. (Measuring each pixel against the background around it read the dark panels but lost
     * more yellow price boxes than it gained: 27 instead of 31 of the market shop's 36.)
     */
    public static int flatten(RgbImage image) {
        int[] backgrounds = backgrounds(image);
        ByteBuffer pixels = image.pixels();
        int count = image.width() * image.height();
        for (int p = 0; p < count; p++) {
            int at = p * RgbImage.BYTES_PER_PIXEL;
            int r = pixels.get(at) & 0xff;
            int g = pixels.get(at + 1) & 0xff;
            int b = pixels.get(at + 2) & 0xff;
            // White at a background colour, darker the farther from every one: a glyph's core is black and its
            // anti-aliased edge grey, as on a white page (hard black edges made Tesseract split large digits apart).
            int distance = Math.max(0, nearest(r, g, b, backgrounds) - NEAR);
            byte value = (byte) Math.max(0, 255 - distance * 255 / RAMP);
            pixels.put(at, value).put(at + 1, value).put(at + 2, value);
        }
        return backgrounds.length;
    }

    /** The mean colours (as 0xRRGGBB) of the quantised colours filling enough solid blocks; white if none. */
    static int[] backgrounds(RgbImage image) {
        int bins = 1 << (3 * BITS);
        int[] solidBlocks = new int[bins];
        long[] sumR = new long[bins];
        long[] sumG = new long[bins];
        long[] sumB = new long[bins];
        ByteBuffer pixels = image.pixels();
        int blocks = 0;
        for (int top = 0; top + BLOCK <= image.height(); top += BLOCK) {
            for (int left = 0; left + BLOCK <= image.width(); left += BLOCK) {
                blocks++;
                int bin = -1;
                long r = 0;
                long g = 0;
                long b = 0;
                boolean solid = true;
                for (int y = top; y < top + BLOCK && solid; y++) {
                    for (int x = left; x < left + BLOCK; x++) {
                        int at = (y * image.width() + x) * RgbImage.BYTES_PER_PIXEL;
                        int pr = pixels.get(at) & 0xff;
                        int pg = pixels.get(at + 1) & 0xff;
                        int pb = pixels.get(at + 2) & 0xff;
                        int here = quantise(pr, pg, pb);
                        if (bin < 0) {
                            bin = here;
                        } else if (here != bin) {
                            solid = false;
                            break;
                        }
                        r += pr;
                        g += pg;
                        b += pb;
                    }
                }
                if (solid && bin >= 0) {
                    solidBlocks[bin]++;
                    sumR[bin] += r;
                    sumG[bin] += g;
                    sumB[bin] += b;
                }
            }
        }
        int pixelsPerBlock = BLOCK * BLOCK;
        java.util.List<Integer> found = new java.util.ArrayList<>();
        for (int bin = 0; bin < bins && found.size() < MAX_BACKGROUNDS; bin++) {
            if (blocks > 0 && solidBlocks[bin] * 100L >= (long) blocks * MIN_SHARE_PERCENT) {
                long n = (long) solidBlocks[bin] * pixelsPerBlock;
                found.add((int) (sumR[bin] / n) << 16 | (int) (sumG[bin] / n) << 8 | (int) (sumB[bin] / n));
            }
        }
        return found.isEmpty() ? new int[] {0xffffff} : found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A colour's bin: the top {@value #BITS} bits of each channel. */
    static int quantise(int r, int g, int b) {
        int shift = 8 - BITS;
        return (r >> shift) << (2 * BITS) | (g >> shift) << BITS | (b >> shift);
    }

    /** Chebyshev distance (largest channel difference) between a pixel and a colour. */
    private static int distance(int r, int g, int b, int colour) {
        return Math.max(Math.abs(r - (colour >> 16 & 0xff)), Math.max(Math.abs(g - (colour >> 8 & 0xff)), Math.abs(b - (colour & 0xff))));
    }

    private static int nearest(int r, int g, int b, int[] backgrounds) {
        int nearest = Integer.MAX_VALUE;
        for (int background : backgrounds) {
            nearest = Math.min(nearest, distance(r, g, b, background));
        }
        return nearest;
    }
}
