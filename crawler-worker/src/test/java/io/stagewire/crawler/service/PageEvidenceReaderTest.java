package io.stagewire.crawler.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageEvidenceReaderTest {

    @Test
    void pricesAreNormalisedToADecimalWithADot() {
        assertThat(PageEvidenceReader.decimal("12.99")).isEqualTo("12.99");
        assertThat(PageEvidenceReader.decimal("7,49")).isEqualTo("7.49");
        assertThat(PageEvidenceReader.decimal("1.234,56 €")).isEqualTo("1234.56");
        assertThat(PageEvidenceReader.decimal("1,234.56")).isEqualTo("1234.56");
        assertThat(PageEvidenceReader.decimal("EUR 12")).isEqualTo("12");
        assertThat(PageEvidenceReader.decimal("on request")).isNull();
        assertThat(PageEvidenceReader.decimal(null)).isNull();
    }
}
