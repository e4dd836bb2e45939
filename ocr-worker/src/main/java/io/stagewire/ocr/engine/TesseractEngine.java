package io.stagewire.ocr.engine;

import static net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel.RIL_SYMBOL;
import static net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel.RIL_TEXTLINE;
import static net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel.RIL_WORD;

import com.sun.jna.Pointer;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static final int PSM_SINGLE_WORD = 8;
    private static final String WHITELIST = "tessedit_char_whitelist";

    private final TessBaseAPI handle;
    private final ImageBudget images;
    private final int pageSegmentationMode;
    private final String whitelist;
    private boolean closed;

    private TesseractEngine(TessBaseAPI handle, ImageBudget images, TesseractSettings settings) {
        this.handle = handle;
        this.images = images;
        this.pageSegmentationMode = settings.pageSegmentationMode();
        this.whitelist = settings.variables().getOrDefault(WHITELIST, "");
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
        return new TesseractEngine(handle, images, settings);
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

    /**
     * Decodes the screenshot with its memory reserved from the image budget, as {@link #recognize(byte[])} does, and hands
     * it to {@code use}, which may recognise it more than once (changing it in between) while it is reserved.
     */
    public <T> T withImage(byte[] screenshot, java.util.function.Function<RgbImage, T> use) {
        return RgbImage.decode(screenshot, images, use);
    }

    public RecognizedPage recognize(RgbImage image) {
        return recognize(image, null);
    }

    /**
     * Reads only {@code region} of the image (clipped to it), with its own layout analysis and threshold; the words'
     * boxes stay in the image's coordinates. The whole image when {@code region} is null.
     */
    public RecognizedPage recognize(RgbImage image, Box region) {
        if (closed) {
            throw new IllegalStateException("this Tesseract engine is closed");
        }
        TESSERACT.TessBaseAPISetImage(handle, image.pixels(), image.width(), image.height(),
                RgbImage.BYTES_PER_PIXEL, image.width() * RgbImage.BYTES_PER_PIXEL);
        if (region != null) {
            int left = Math.max(0, region.left());
            int top = Math.max(0, region.top());
            TESSERACT.TessBaseAPISetRectangle(handle, left, top, Math.min(region.right(), image.width()) - left,
                    Math.min(region.bottom(), image.height()) - top);
        }
        try {
            if (TESSERACT.TessBaseAPIRecognize(handle, null) != 0) {
                throw new OcrFailedException("Tesseract could not recognise the " + image.width() + "x" + image.height() + " image");
            }
            return new RecognizedPage(image.width(), image.height(), readLines(image));
        } finally {
            // Frees the page's image and results; the loaded models stay.
            TESSERACT.TessBaseAPIClear(handle);
        }
    }

    private List<TextLine> readLines(RgbImage image) {
        List<List<Word>> lines = new ArrayList<>();
        List<PendingCents> rereads = new ArrayList<>();
        TessResultIterator words = TESSERACT.TessBaseAPIGetIterator(handle);
        if (words == null) {
            return List.of();
        }
        try {
            TessPageIterator layout = TESSERACT.TessResultIteratorGetPageIterator(words);
            List<Word> line = new ArrayList<>();
            do {
                if (TESSERACT.TessPageIteratorIsAtBeginningOf(layout, RIL_TEXTLINE) != 0 && !line.isEmpty()) {
                    lines.add(line);
                    line = new ArrayList<>();
                }
                Word word = currentWord(words, layout);
                if (word == null) {
                    continue;
                }
                if (RaisedCents.CANDIDATE.matcher(word.text()).matches()) {
                    switch (RaisedCents.decide(symbolsOf(words))) {
                        case RaisedCents.Decision.Split split -> word = new Word(split.text(), word.confidence(), word.box());
                        case RaisedCents.Decision.Reread reread -> rereads.add(new PendingCents(lines.size(), line.size(), reread));
                        case RaisedCents.Decision.Keep keep -> { }
                    }
                }
                line.add(word);
            } while (TESSERACT.TessResultIteratorNext(words, RIL_WORD) != 0);
            if (!line.isEmpty()) {
                lines.add(line);
            }
        } finally {
            TESSERACT.TessResultIteratorDelete(words);
        }
        // Only now: reading a region again replaces the page's results the iterator walked.
        for (PendingCents pending : rereads) {
            List<Word> line = lines.get(pending.line());
            Word word = line.get(pending.word());
            readCents(pending.reread().region(), image).ifPresent(cents -> line.set(pending.word(),
                    new Word(pending.reread().whole() + "," + cents, word.confidence(), word.box())));
        }
        return lines.stream().map(RaisedCents::joinCentsWords).map(TextLine::new).toList();
    }

    /** A word whose raised part is to be read again once the page's words are all taken. */
    private record PendingCents(int line, int word, RaisedCents.Decision.Reread reread) {
    }

    /** The symbols of the word under the iterator, from a copy of it (the page walk goes on by word). */
    private static List<RaisedCents.Symbol> symbolsOf(TessResultIterator words) {
        List<RaisedCents.Symbol> symbols = new ArrayList<>();
        TessResultIterator symbol = TESSERACT.TessResultIteratorCopy(words);
        try {
            TessPageIterator layout = TESSERACT.TessResultIteratorGetPageIterator(symbol);
            do {
                Pointer utf8 = TESSERACT.TessResultIteratorGetUTF8Text(symbol, RIL_SYMBOL);
                if (utf8 == null) {
                    continue;
                }
                String text;
                try {
                    text = utf8.getString(0, StandardCharsets.UTF_8.name());
                } finally {
                    TESSERACT.TessDeleteText(utf8);
                }
                symbols.add(new RaisedCents.Symbol(text, boundingBox(layout, RIL_SYMBOL)));
            } while (TESSERACT.TessPageIteratorIsAtFinalElement(layout, RIL_WORD, RIL_SYMBOL) == 0
                    && TESSERACT.TessResultIteratorNext(symbol, RIL_SYMBOL) != 0);
        } finally {
            TESSERACT.TessResultIteratorDelete(symbol);
        }
        return symbols;
    }

    /** Reads a small region of the page as one word of digits; two digits are cents. */
    private Optional<String> readCents(Box region, RgbImage image) {
        int left = Math.min(region.left(), image.width() - 1);
        int top = Math.min(region.top(), image.height() - 1);
        int width = Math.min(region.width(), image.width() - left);
        int height = Math.min(region.height(), image.height() - top);
        TESSERACT.TessBaseAPISetRectangle(handle, left, top, width, height);
        TESSERACT.TessBaseAPISetPageSegMode(handle, PSM_SINGLE_WORD);
        TESSERACT.TessBaseAPISetVariable(handle, WHITELIST, "0123456789");
        try {
            Pointer utf8 = TESSERACT.TessBaseAPIGetUTF8Text(handle);
            if (utf8 == null) {
                return Optional.empty();
            }
            try {
                String digits = utf8.getString(0, StandardCharsets.UTF_8.name()).strip();
                return digits.matches("\\d{2}") ? Optional.of(digits) : Optional.empty();
            } finally {
                TESSERACT.TessDeleteText(utf8);
            }
        } finally {
            TESSERACT.TessBaseAPISetPageSegMode(handle, pageSegmentationMode);
            TESSERACT.TessBaseAPISetVariable(handle, WHITELIST, whitelist);
        }
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
        return new Word(text, TESSERACT.TessResultIteratorConfidence(words, RIL_WORD), boundingBox(layout, RIL_WORD));
    }

    private static Box boundingBox(TessPageIterator layout, int level) {
        IntBuffer left = IntBuffer.allocate(1);
        IntBuffer top = IntBuffer.allocate(1);
        IntBuffer right = IntBuffer.allocate(1);
        IntBuffer bottom = IntBuffer.allocate(1);
        TESSERACT.TessPageIteratorBoundingBox(layout, level, left, top, right, bottom);
        return new Box(left.get(0), top.get(0), right.get(0) - left.get(0), bottom.get(0) - top.get(0));
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
