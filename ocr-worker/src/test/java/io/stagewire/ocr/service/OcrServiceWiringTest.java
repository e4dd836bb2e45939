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

    @Test
    void theWarmUpCardsAreReadThroughBothReadings() {
        OcrResult plain = ocr.read(OcrWarmUp.card(true));
        assertThat(plain.fields().articleNumber()).isEqualTo("40817");
        assertThat(plain.fields().price()).isEqualByComparingTo("9.99");

        // Without an article number the page is read a second time, flattened: the price in the yellow box stays read.
        OcrResult priceOnly = ocr.read(OcrWarmUp.card(false));
        assertThat(priceOnly.fields().articleNumber()).isNull();
        assertThat(priceOnly.fields().price()).isEqualByComparingTo("9.99");
    }
}
