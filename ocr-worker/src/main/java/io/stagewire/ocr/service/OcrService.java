package io.stagewire.ocr.service;

import io.stagewire.ocr.engine.OcrFailedException;
import io.stagewire.ocr.engine.BackgroundFlattener;
import io.stagewire.ocr.engine.RecognizedPage;
import io.stagewire.ocr.engine.TesseractPool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads product fields from screenshots on the Tesseract pool. Safe to call from any number of
 * threads: calls queue for one of the pool's engines.
 */
@ApplicationScoped
public class OcrService {
    private final TesseractPool engines;
    private final FieldExtractor extractor;

    public OcrService(TesseractPool engines, FieldExtractor extractor) {
        this.engines = engines;
        this.extractor = extractor;
    }

    /**
     * Reads one screenshot (PNG, or any format ImageIO decodes). Completes exceptionally with
     * {@link OcrFailedException} when this screenshot cannot be read (its message is the reason for
     * {@code ocr:failed}); any other exception is a fault of the worker, not of the item.
     */
    public CompletableFuture<OcrResult> readAsync(byte[] screenshot) {
        return engines.submit(engine -> {
            long start = System.nanoTime();
            return engine.withImage(screenshot, image -> {
                RecognizedPage page = engine.recognize(image);
                ProductFields fields = extractor.extract(page);
                String text = page.text();
                // A price or article number on a coloured box (a discounter's yellow price tag) is lost to Tesseract's
                // one global threshold; the page flattened to black on white is read once more for what is missing.
                if (fields.price() == null || fields.articleNumber() == null) {
                    BackgroundFlattener.flatten(image);
                    RecognizedPage flattened = engine.recognize(image);
                    fields = fields.withMissingFrom(extractor.extractFlattened(flattened));
                    text = text + "\n" + flattened.text();
                }
                return new OcrResult(fields, text, (System.nanoTime() - start) / 1_000_000);
            });
        });
    }

    /**
     * {@link #readAsync} for callers that may block.
     *
     * @throws OcrFailedException when this screenshot cannot be read
     */
    public OcrResult read(byte[] screenshot) {
        try {
            return readAsync(screenshot).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
