package io.stagewire.labelworker.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One renderer per worker, created at start-up so missing fonts stop the worker before it takes work. */
public class LabelRendererProducer {

    @Produces
    @Singleton
    @Startup
    LabelRenderer labelRenderer(@ConfigProperty(name = "stagewire.label.font-dir") Path fontDir) {
        return new LabelRenderer(LabelFonts.load(fontDir));
    }
}
