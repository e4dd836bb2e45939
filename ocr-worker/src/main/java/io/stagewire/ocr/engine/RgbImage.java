package io.stagewire.ocr.engine;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jboss.logging.Logger;

/**
 * An image as 8-bit RGB triplets, row by row, in a direct buffer: the layout Tesseract's
 * {@code SetImage} takes. Handing Tesseract raw pixels keeps Leptonica's Java binding (built for a
 * newer Leptonica than Debian's) out of the image path.
 */
public record RgbImage(int width, int height, ByteBuffer pixels) {
    private static final Logger LOG = Logger.getLogger(RgbImage.class);
    static final int BYTES_PER_PIXEL = 3;
    /** Conversion to RGB goes through a band of rows this large, not a second full-size image. */
    private static final int BAND_BYTES = 1 << 20;
    /** When a reader cannot say what it decodes to: 16-bit RGBA, the largest common layout. */
    private static final int WORST_DECODED_BYTES_PER_PIXEL = 8;

    /** Decodes a PNG (or any format ImageIO reads) and converts it to RGB; no memory accounting beyond the pixel limit. */
    public static RgbImage decode(byte[] encoded, long maxPixels) {
        return decode(encoded, ImageBudget.pixelsOnly(maxPixels), image -> image);
    }

    /**
     * Reads the image's size and pixel layout from its header, picks the subsampling that makes it fit {@code budget}
     * ({@link ImageBudget#subsampling}, 1 for most screenshots), reserves the memory reading it takes (before a pixel
     * is decoded), decodes it to RGB at that scale and hands it to {@code use} while the memory stays reserved.
     * The decoder allocates only the subsampled raster: a 48 MP phone photo read at 1/3 never exists at full size.
     *
     * @throws OcrFailedException when the bytes are not a readable image, or the image does not fit the budget even
     *         subsampled by {@value ImageBudget#MAX_SUBSAMPLING}
     */
    public static <T> T decode(byte[] encoded, ImageBudget budget, Function<RgbImage, T> use) {
        if (encoded == null || encoded.length == 0) {
            throw new OcrFailedException("the screenshot is empty");
        }
        // A memory cache, not ImageIO's default file cache: no temp files per screenshot.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            ImageReader reader = readerFor(input);
            try {
                int width = corruptUnless(() -> reader.getWidth(0));
                int height = corruptUnless(() -> reader.getHeight(0));
                int decodedBytesPerPixel = decodedBytesPerPixel(reader);
                int factor = budget.subsampling(width, height, decodedBytesPerPixel);
                if (factor > 1) {
                    LOG.infof("the %dx%d image is read at 1/%d (%dx%d) to fit the OCR limit of %d pixels per image",
                            width, height, factor, ImageBudget.subsampled(width, factor), ImageBudget.subsampled(height, factor),
                            budget.maxPixels());
                }
                try (ImageBudget.Lease reserved = budget.reserve(ImageBudget.subsampled(width, factor),
                        ImageBudget.subsampled(height, factor), decodedBytesPerPixel)) {
                    RgbImage rgb = corruptUnless(() -> readRgb(reader, width, height, factor));
                    return use.apply(rgb);
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new OcrFailedException("the screenshot is corrupt: " + e, e);
        }
    }

    private static ImageReader readerFor(ImageInputStream input) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        if (!readers.hasNext()) {
            throw new OcrFailedException("the screenshot is not an image in a known format");
        }
        ImageReader reader = readers.next();
        reader.setInput(input, true, true);
        return reader;
    }

    private interface ImageRead<T> {
        T run() throws IOException;
    }

    /** ImageIO reports truncated or corrupt data as IOExceptions and, for some damage, as runtime exceptions. */
    private static <T> T corruptUnless(ImageRead<T> read) {
        try {
            return read.run();
        } catch (OcrFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new OcrFailedException("the screenshot is corrupt: " + e, e);
        }
    }

    /** Own method, so the decoded image is unreachable once converted: only the RGB buffer lives on into Tesseract. */
    private static RgbImage readRgb(ImageReader reader, int width, int height, int factor) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(factor, factor, 0, 0);
        try {
            return fromImage(reader.read(0, param));
        } catch (OutOfMemoryError e) {
            // The budget should prevent this; if the heap is short anyway, this image fails and the worker goes on.
            throw new OcrFailedException("the OCR worker ran out of memory decoding the " + width + "x" + height + " screenshot", e);
        }
    }

    /** What one pixel takes in the image the reader will decode, from the header alone. */
    private static int decodedBytesPerPixel(ImageReader reader) {
        try {
            ImageTypeSpecifier type = reader.getRawImageType(0);
            if (type == null) {
                return WORST_DECODED_BYTES_PER_PIXEL;
            }
            SampleModel layout = type.getSampleModel(1, 1);
            return Math.max(1, DataBuffer.getDataTypeSize(layout.getDataType()) * layout.getNumDataElements() / Byte.SIZE);
        } catch (IOException | RuntimeException e) {
            return WORST_DECODED_BYTES_PER_PIXEL;
        }
    }

    /** Converts any image to RGB, laying transparent pixels over white (as the page behind a screenshot is). */
    public static RgbImage fromImage(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int rowBytes = Math.multiplyExact(width, BYTES_PER_PIXEL);
        ByteBuffer rgb = ByteBuffer.allocateDirect(Math.multiplyExact(rowBytes, height));
        int bandRows = Math.max(1, Math.min(height, BAND_BYTES / rowBytes));
        BufferedImage band = new BufferedImage(width, bandRows, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) band.getRaster().getDataBuffer()).getData();
        Graphics2D graphics = band.createGraphics();
        try {
            for (int top = 0; top < height; top += bandRows) {
                int rows = Math.min(bandRows, height - top);
                // Java2D has fast loops for drawing into 3-byte BGR from the usual decoded types.
                graphics.drawImage(image.getSubimage(0, top, width, rows), 0, 0, Color.WHITE, null);
                int length = rows * rowBytes;
                // Java's standard 24-bit layout is B, G, R; Tesseract wants R, G, B.
                for (int i = 0; i < length; i += BYTES_PER_PIXEL) {
                    byte blue = bgr[i];
                    bgr[i] = bgr[i + 2];
                    bgr[i + 2] = blue;
                }
                rgb.put(bgr, 0, length);
            }
        } finally {
            graphics.dispose();
        }
        return new RgbImage(width, height, rgb.flip());
    }
}
