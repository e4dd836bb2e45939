package io.stagewire.ocr.engine;

import io.quarkus.runtime.Startup;
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
    TesseractPool tesseractPool(OcrConfig config) {
        TesseractPool pool = new TesseractPool(config.settings(), config.threadCount(), config.imageBudget());
        LOG.infof("Tesseract pool ready: %d engines, languages %s, dpi %d", pool.size(), config.languages(), config.dpi());
        return pool;
    }

    void close(@Disposes TesseractPool pool) {
        pool.close();
    }
}
