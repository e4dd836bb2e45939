package io.stagewire.ocr.service;

import io.stagewire.ocr.engine.OcrFailedException;
import io.stagewire.ocr.engine.BackgroundFlattener;
import io.stagewire.ocr.engine.Box;
import io.stagewire.ocr.engine.ColourPanels;
import io.stagewire.ocr.engine.RecognizedPage;
import io.stagewire.ocr.engine.TesseractPool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads product fields from screenshots on the Tesseract pool. Safe to call from any number of
 * threads: calls queue for one of the pool's engines.
 */
@ApplicationScoped
public class OcrService {
    /** Coloured panels read on their own when a price is still missing: a page has seldom more than one price box. */
    private static final int MAX_PANELS = 2;
    /** A panel's blocks lie inside it; its text may reach its edge. */
    private static final int PANEL_MARGIN = 16;
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
                    // Found before flattening, which whitens them; only a missing price is looked for on them.
                    List<Box> panels = fields.price() == null ? ColourPanels.find(image, MAX_PANELS) : List.of();
                    BackgroundFlattener.flatten(image);
                    // The box read on its own first: it is a few lines where the page is dozens, and the page's layout
                    // analysis loses its large text anyway; the whole flattened page only for what is still missing.
                    for (int i = 0; i < panels.size() && fields.price() == null; i++) {
                        RecognizedPage panel = engine.recognize(image, grown(panels.get(i)));
                        fields = fields.withMissingFrom(extractor.extractFlattened(panel));
                        text = text + "\n" + panel.text();
                    }
                    if (fields.price() == null || fields.articleNumber() == null) {
                        RecognizedPage flattened = engine.recognize(image);
                        fields = fields.withMissingFrom(extractor.extractFlattened(flattened));
                        text = text + "\n" + flattened.text();
                    }
                }
                return new OcrResult(fields, text, (System.nanoTime() - start) / 1_000_000);
            });
        });
    }

    private static Box grown(Box panel) {
        return new Box(panel.left() - PANEL_MARGIN, panel.top() - PANEL_MARGIN, panel.width() + 2 * PANEL_MARGIN,
                panel.height() + 2 * PANEL_MARGIN);
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
