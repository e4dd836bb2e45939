package io.stagewire.ocr.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.ocr.DemoShopScreenshots;
import io.stagewire.ocr.config.OcrWorkerConfig;
import io.stagewire.ocr.engine.TesseractPoolProducer;
import io.stagewire.ocr.engine.TesseractPool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The beans the Kafka consumer will inject, built from the application's configuration. */
@QuarkusTest
class OcrServiceWiringTest {
    @Inject
    OcrService ocr;

    @Inject
    TesseractPool engines;

    @Inject
    OcrWorkerConfig config;

    @Test
    void startsOneEnginePerConfiguredThreadAndReads() {
        assertThat(engines.size()).isEqualTo(config.threadCount());
        assertThat(TesseractPoolProducer.settings(config)).isEqualTo(DemoShopScreenshots.SETTINGS);

        OcrResult result = ocr.read(DemoShopScreenshots.bySlug("bluetooth-speaker-mini").png());

        assertThat(result.fields().articleNumber()).isEqualTo("ART-20155");
        assertThat(result.fields().price()).isEqualByComparingTo("29.99");
    }
}
