package io.stagewire.ocr.engine;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An image as 8-bit RGB triplets, row by row, in a direct buffer: the layout Tesseract's
 * {@code SetImage} takes. Handing Tesseract raw pixels keeps Leptonica's Java binding (built for a
 * newer Leptonica than Debian's) out of the image path.
 */
public record RgbImage(int width, int height, ByteBuffer pixels) {
    static final int BYTES_PER_PIXEL = 3;

    /**
     * Decodes a PNG (or any format ImageIO reads) and converts it to RGB.
     *
     * @param maxPixels larger images are refused before their pixels are decoded
     * @throws OcrFailedException when the bytes are not a readable image
     */
    public static RgbImage decode(byte[] encoded, long maxPixels) {
        if (encoded == null || encoded.length == 0) {
            throw new OcrFailedException("the screenshot is empty");
        }
        // A memory cache, not ImageIO's default file cache: no temp files per screenshot.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new OcrFailedException("the screenshot is not an image in a known format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new OcrFailedException("the screenshot has " + pixels + " pixels, more than the limit of " + maxPixels);
                }
                return fromImage(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (OcrFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports truncated or corrupt data as IOExceptions and, for some damage, as runtime exceptions.
            throw new OcrFailedException("the screenshot is corrupt: " + e, e);
        }
    }

    /** Converts any image to RGB, laying transparent pixels over white (as the page behind a screenshot is). */
    public static RgbImage fromImage(BufferedImage image) {
        byte[] bgr = ((DataBufferByte) asThreeByteBgr(image).getRaster().getDataBuffer()).getData();
        // Java's standard 24-bit layout is B, G, R; Tesseract wants R, G, B.
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += BYTES_PER_PIXEL) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        return new RgbImage(image.getWidth(), image.getHeight(), ByteBuffer.allocateDirect(rgb.length).put(rgb).flip());
    }

    /** ImageIO decodes 8-bit RGB PNGs to this type already; anything else is drawn into it (Java2D has fast loops for it). */
    private static BufferedImage asThreeByteBgr(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR && image.getRaster().getParent() == null) {
            return image;
        }
        BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = converted.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            graphics.dispose();
        }
        return converted;
    }
}
