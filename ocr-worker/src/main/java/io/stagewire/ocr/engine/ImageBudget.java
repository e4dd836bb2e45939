package io.stagewire.ocr.engine;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * The memory the engines may spend on images, shared by all of them, checked from an image's header before its
 * pixels are decoded. A screenshot is refused when it has more pixels than {@link #maxPixels} or when reading it would
 * need more than the whole budget; otherwise it waits until the images being read by other engines leave room for it.
 *
 * <p>What one pixel costs on the way to Tesseract, all copies alive at once in the worst case: the decoded image
 * (3 bytes for the 8-bit RGB PNGs Chromium writes, up to 8 for 16-bit RGBA), the packed RGB buffer handed to
 * Tesseract (3, off-heap), and Tesseract's own copies (its 32-bit Pix, grey and binary images: about 6.7 measured,
 * {@value #TESSERACT_BYTES_PER_PIXEL} counted). Conversion to RGB runs in bands of at most 1 MiB and is not counted.
 */
public final class ImageBudget {
    private static final Logger LOG = Logger.getLogger(ImageBudget.class);

    static final int RGB_BUFFER_BYTES_PER_PIXEL = RgbImage.BYTES_PER_PIXEL;
    static final int TESSERACT_BYTES_PER_PIXEL = 8;
    /** Chromium's screenshots are 8-bit RGB PNGs. */
    static final int SCREENSHOT_BYTES_PER_PIXEL = 3;
    /** Below one 1280 x 800 viewport per image the worker would fail ordinary screenshots: refuse to start. */
    static final long SMALLEST_USEFUL_PIXELS = 1280L * 800;
    private static final int KIB = 1024;
    /**
     * The coarsest subsampling: a factor of 4 keeps every 4th pixel of every 4th row. Tesseract needs glyphs about
     * 10 pixels high (x-height); a price or article number photographed at 40-60 pixels high is still readable at 4,
     * at 5 and beyond it drops under what Tesseract reads. With -Xmx256m (9.5 MP per image) a factor of
     * 4 covers 153 MP, beyond the 40 MP extraction upload limit and any phone camera's photo.
     */
    public static final int MAX_SUBSAMPLING = 4;

    private final long maxPixels;
    /** Why maxPixels is what it is, for the reason of a refused screenshot. */
    private final String limitSource;
    private final long bytes;
    /** Permits are KiB, so that budgets beyond 2 GiB still fit an int. */
    private final Semaphore freeKib;

    private ImageBudget(long maxPixels, String limitSource, long bytes) {
        this.maxPixels = maxPixels;
        this.limitSource = limitSource;
        this.bytes = bytes;
        this.freeKib = new Semaphore((int) Math.min(Integer.MAX_VALUE, bytes / KIB), true);
    }

    /**
     * A budget of {@code bytes}, with {@code configuredMaxPixels} lowered to what an RGB screenshot may have within it,
     * with a warning that names both numbers.
     *
     * @throws IllegalStateException when the budget cannot hold even one 1280 x 800 screenshot
     */
    public static ImageBudget of(long configuredMaxPixels, long bytes, int engines) {
        long fitting = bytes / bytesPerPixel(SCREENSHOT_BYTES_PER_PIXEL);
        if (fitting < Math.min(configuredMaxPixels, SMALLEST_USEFUL_PIXELS)) {
            throw new IllegalStateException("the OCR image memory budget of " + mib(bytes) + " MiB (stagewire.ocr.image-memory,"
                    + " default half the heap) cannot hold one 1280x800 screenshot (" + bytesPerPixel(SCREENSHOT_BYTES_PER_PIXEL)
                    + " bytes per pixel while it is read); give the worker a larger heap (-Xmx)");
        }
        long maxPixels = configuredMaxPixels;
        String limitSource = "";
        if (configuredMaxPixels > fitting) {
            LOG.warnf("stagewire.ocr.max-pixels=%d does not fit the OCR image memory budget of %d MiB (heap %d MiB):"
                    + " an RGB screenshot needs %d bytes per pixel while it is read (decoded %d, RGB buffer %d, Tesseract %d);"
                    + " larger images are read subsampled (every n-th pixel, n up to " + MAX_SUBSAMPLING + ") to %d pixels. Raise -Xmx or stagewire.ocr.image-memory to read them at full size.",
                    configuredMaxPixels, mib(bytes), mib(Runtime.getRuntime().maxMemory()),
                    bytesPerPixel(SCREENSHOT_BYTES_PER_PIXEL), SCREENSHOT_BYTES_PER_PIXEL, RGB_BUFFER_BYTES_PER_PIXEL,
                    TESSERACT_BYTES_PER_PIXEL, fitting);
            maxPixels = fitting;
            limitSource = " (what fits this worker's OCR image memory of " + mib(bytes) + " MiB)";
        }
        LOG.infof("OCR images: at most %d pixels each; %d MiB of image memory shared by %d engines", maxPixels, mib(bytes), engines);
        return new ImageBudget(maxPixels, limitSource, bytes);
    }

    /** {@code share} (0-1] of this JVM's maximum heap. */
    public static long heapShare(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("stagewire.ocr.image-memory-heap-share must be in (0, 1], not " + share);
        }
        return (long) (Runtime.getRuntime().maxMemory() * share);
    }

    /** Only the pixel limit, no memory accounting: for tools and tests that read one image at a time. */
    public static ImageBudget pixelsOnly(long maxPixels) {
        return new ImageBudget(maxPixels, "", Long.MAX_VALUE);
    }

    public long maxPixels() {
        return maxPixels;
    }

    public long bytes() {
        return bytes;
    }

    /**
     * The smallest factor n (1 = full size) such that the image read with every n-th pixel of every n-th row has at
     * most {@link #maxPixels} pixels and fits the budget.
     *
     * @throws OcrFailedException when even a factor of {@value #MAX_SUBSAMPLING} does not fit
     */
    public int subsampling(int width, int height, int decodedBytesPerPixel) {
        for (int factor = 1; factor <= MAX_SUBSAMPLING; factor++) {
            long pixels = (long) subsampled(width, factor) * subsampled(height, factor);
            if (pixels <= maxPixels && pixels * bytesPerPixel(decodedBytesPerPixel) <= bytes) {
                return factor;
            }
        }
        long pixels = (long) width * height;
        throw new OcrFailedException("the image is " + width + "x" + height + " (" + pixels + " pixels, "
                + decodedBytesPerPixel + " bytes per decoded pixel): even read at 1/" + MAX_SUBSAMPLING
                + " of its width and height (" + subsampled(width, MAX_SUBSAMPLING) + "x" + subsampled(height, MAX_SUBSAMPLING)
                + ") it exceeds the limit of " + maxPixels + " pixels" + limitSource
                + (bytes == Long.MAX_VALUE ? "" : " or the OCR memory budget of " + mib(bytes) + " MiB")
                + ", and text read any coarser would be unreadable");
    }

    /** Pixels along one side when every {@code factor}-th is read, as ImageIO's source subsampling counts them. */
    public static int subsampled(int length, int factor) {
        return (length + factor - 1) / factor;
    }

    /** Bytes one pixel costs while it is read, for an image that decodes to {@code decodedBytesPerPixel}. */
    public static int bytesPerPixel(int decodedBytesPerPixel) {
        return decodedBytesPerPixel + RGB_BUFFER_BYTES_PER_PIXEL + TESSERACT_BYTES_PER_PIXEL;
    }

    /**
     * Reserves the memory to read a {@code width} x {@code height} image, waiting while other engines use it.
     *
     * @throws OcrFailedException when the image has too many pixels or needs more than the whole budget
     */
    public Lease reserve(int width, int height, int decodedBytesPerPixel) {
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new OcrFailedException("the screenshot has " + pixels + " pixels, more than the limit of " + maxPixels
                    + limitSource);
        }
        long needed = pixels * bytesPerPixel(decodedBytesPerPixel);
        if (bytes == Long.MAX_VALUE) {
            return () -> { };
        }
        if (needed > bytes) {
            throw new OcrFailedException("the screenshot is " + width + "x" + height + " (" + decodedBytesPerPixel
                    + " bytes per decoded pixel) and needs about " + mib(needed) + " MiB to read, more than the OCR memory budget of "
                    + mib(bytes) + " MiB");
        }
        int kib = (int) Math.max(1, (needed + KIB - 1) / KIB);
        try {
            freeKib.acquire(kib);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for image memory (the worker is stopping)");
        }
        return () -> freeKib.release(kib);
    }

    /** Memory reserved for one image until closed. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }
}
