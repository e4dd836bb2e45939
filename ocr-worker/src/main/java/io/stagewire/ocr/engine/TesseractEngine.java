package io.stagewire.ocr.engine;

import static net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE;
import static net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel.RIL_WORD;

import com.sun.jna.Pointer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;

/**
 * One Tesseract instance behind a persistent C API handle. The model is loaded once, in
 * {@link #open}, and not per page as tess4j's {@code doOCR} does (about 30 % faster).
 *
 * <p>Not thread-safe: Tesseract instances must not be shared between threads (a shared one
 * crashed the JVM). {@link TesseractPool} confines each engine to one thread.
 */
public final class TesseractEngine implements AutoCloseable {
    private static final TessAPI TESSERACT = TessAPI.INSTANCE;

    private final TessBaseAPI handle;
    private final ImageBudget images;
    private boolean closed;

    private TesseractEngine(TessBaseAPI handle, ImageBudget images) {
        this.handle = handle;
        this.images = images;
    }

    /** An engine of its own, refusing images over the settings' pixel limit (tools and tests). */
    public static TesseractEngine open(TesseractSettings settings) {
        return open(settings, ImageBudget.pixelsOnly(settings.maxPixels()));
    }

    /** Loads the models (about 0.3–0.5 s and 40 MB for eng+deu); images are read within {@code images}. */
    public static TesseractEngine open(TesseractSettings settings, ImageBudget images) {
        TessBaseAPI handle = TESSERACT.TessBaseAPICreate();
        if (TESSERACT.TessBaseAPIInit2(handle, settings.tessdata(), settings.languages(), settings.engineMode()) != 0) {
            close(handle);
            throw new IllegalStateException("Tesseract could not load the languages '" + settings.languages()
                    + "' for engine mode " + settings.engineMode() + " from " + settings.tessdata());
        }
        TESSERACT.TessBaseAPISetPageSegMode(handle, settings.pageSegmentationMode());
        TESSERACT.TessBaseAPISetVariable(handle, "user_defined_dpi", Integer.toString(settings.dpi()));
        // Tesseract's diagnostics ("Detected 12 diacritics") would go to stderr for every page.
        TESSERACT.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
        settings.variables().forEach((name, value) -> {
            if (TESSERACT.TessBaseAPISetVariable(handle, name, value) == 0) {
                close(handle);
                throw new IllegalArgumentException("Tesseract has no variable '" + name + "' (or refused the value '" + value + "')");
            }
        });
        return new TesseractEngine(handle, images);
    }

    /**
     * Decodes the screenshot and reads its words, with the memory this takes reserved from the image budget
     * from before decoding until Tesseract has let go of the page.
     *
     * @throws OcrFailedException when the screenshot cannot be decoded, does not fit the budget or cannot be recognised
     */
    public RecognizedPage recognize(byte[] screenshot) {
        return RgbImage.decode(screenshot, images, this::recognize);
    }

    public RecognizedPage recognize(RgbImage image) {
        if (closed) {
            throw new IllegalStateException("this Tesseract engine is closed");
        }
        TESSERACT.TessBaseAPISetImage(handle, image.pixels(), image.width(), image.height(),
                RgbImage.BYTES_PER_PIXEL, image.width() * RgbImage.BYTES_PER_PIXEL);
        try {
            if (TESSERACT.TessBaseAPIRecognize(handle, null) != 0) {
                throw new OcrFailedException("Tesseract could not recognise the " + image.width() + "x" + image.height() + " image");
            }
            return new RecognizedPage(image.width(), image.height(), readLines());
        } finally {
            // Frees the page's image and results; the loaded models stay.
            TESSERACT.TessBaseAPIClear(handle);
        }
    }

    private List<TextLine> readLines() {
        List<TextLine> lines = new ArrayList<>();
        TessResultIterator words = TESSERACT.TessBaseAPIGetIterator(handle);
        if (words == null) {
            return lines;
        }
        try {
            TessPageIterator layout = TESSERACT.TessResultIteratorGetPageIterator(words);
            List<Word> line = new ArrayList<>();
            do {
                if (TESSERACT.TessPageIteratorIsAtBeginningOf(layout, RIL_TEXTLINE) != 0 && !line.isEmpty()) {
                    lines.add(new TextLine(line));
                    line = new ArrayList<>();
                }
                Word word = currentWord(words, layout);
                if (word != null) {
                    line.add(word);
                }
            } while (TESSERACT.TessResultIteratorNext(words, RIL_WORD) != 0);
            if (!line.isEmpty()) {
                lines.add(new TextLine(line));
            }
        } finally {
            TESSERACT.TessResultIteratorDelete(words);
        }
        return lines;
    }

    /** The word under the iterator, or null for the empty "words" Tesseract reports for pictures and rules. */
    private static Word currentWord(TessResultIterator words, TessPageIterator layout) {
        Pointer utf8 = TESSERACT.TessResultIteratorGetUTF8Text(words, RIL_WORD);
        if (utf8 == null) {
            return null;
        }
        String text;
        try {
            text = utf8.getString(0, StandardCharsets.UTF_8.name()).strip();
        } finally {
            TESSERACT.TessDeleteText(utf8);
        }
        if (text.isEmpty()) {
            return null;
        }
        IntBuffer left = IntBuffer.allocate(1);
        IntBuffer top = IntBuffer.allocate(1);
        IntBuffer right = IntBuffer.allocate(1);
        IntBuffer bottom = IntBuffer.allocate(1);
        TESSERACT.TessPageIteratorBoundingBox(layout, RIL_WORD, left, top, right, bottom);
        Box box = new Box(left.get(0), top.get(0), right.get(0) - left.get(0), bottom.get(0) - top.get(0));
        return new Word(text, TESSERACT.TessResultIteratorConfidence(words, RIL_WORD), box);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            close(handle);
        }
    }

    private static void close(TessBaseAPI handle) {
        TESSERACT.TessBaseAPIEnd(handle);
        TESSERACT.TessBaseAPIDelete(handle);
    }
}
