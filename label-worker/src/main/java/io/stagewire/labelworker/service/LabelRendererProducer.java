package io.stagewire.labelworker.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import io.stagewire.labelworker.config.LabelWorkerConfig;

/** One renderer per worker, created at start-up so missing fonts stop the worker before it takes work. */
public class LabelRendererProducer {

    @Produces
    @Singleton
    @Startup
    LabelRenderer labelRenderer(LabelWorkerConfig config) {
        return new LabelRenderer(LabelFonts.load(config.fontDir()));
    }
}
