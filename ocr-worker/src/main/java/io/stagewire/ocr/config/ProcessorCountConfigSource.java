package io.stagewire.ocr.config;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.annotations.StaticInitSafe;

/**
 * Gives {@code stagewire.ocr.threads} its default, the number of available processors, as a config value rather than
 * in code: the consumer's worker pool (smallrye.messaging.worker.ocr.max-concurrency) must be as large as the engine
 * pool, and configuration can only refer to a value, not compute one. Its ordinal is below application.properties and
 * the environment, so a configured thread count still wins. Static-init safe, because the messaging extension reads
 * its worker pool sizes while the application is initialised statically, and the value depends on nothing else.
 */
@StaticInitSafe
public class ProcessorCountConfigSource implements ConfigSource {

    static final String THREADS = "stagewire.ocr.threads";
    private static final int ORDINAL = 50;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(THREADS);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(THREADS, getValue(THREADS));
    }

    @Override
    public String getValue(String propertyName) {
        return THREADS.equals(propertyName) ? Integer.toString(Runtime.getRuntime().availableProcessors()) : null;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "stagewire-ocr-processor-count";
    }
}
