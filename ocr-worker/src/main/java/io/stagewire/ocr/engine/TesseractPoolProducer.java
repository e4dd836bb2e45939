package io.stagewire.ocr.engine;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.MemorySize;
import io.stagewire.ocr.config.OcrWorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Creates the engine pool at start-up (models load before the first screenshot arrives) and closes it on shutdown. */
@ApplicationScoped
public class TesseractPoolProducer {
    private static final Logger LOG = Logger.getLogger(TesseractPoolProducer.class);

    @Produces
    @Singleton
    @Startup
    TesseractPool tesseractPool(OcrWorkerConfig config) {
        TesseractPool pool = new TesseractPool(settings(config), config.threadCount(), imageBudget(config));
        LOG.infof("Tesseract pool ready: %d engines, languages %s, dpi %d", pool.size(), config.languages(), config.dpi());
        return pool;
    }

    /** What each engine is started with. */
    public static TesseractSettings settings(OcrWorkerConfig config) {
        return new TesseractSettings(config.tessdata(), config.languages(), config.engineMode(),
                config.pageSegmentationMode(), config.dpi(), config.maxPixels(), config.variables());
    }

    /** The budget the engines share, with max-pixels fitted into it. */
    static ImageBudget imageBudget(OcrWorkerConfig config) {
        long bytes = config.imageMemory().map(MemorySize::asLongValue)
                .orElseGet(() -> ImageBudget.heapShare(config.imageMemoryHeapShare()));
        return ImageBudget.of(config.maxPixels(), bytes, config.threadCount());
    }

    void close(@Disposes TesseractPool pool) {
        pool.close();
    }
}
