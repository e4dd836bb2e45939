package io.stagewire.labelworker.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stagewire.labelworker.domain.BarcodeFormat;
import io.stagewire.labelworker.domain.LabelTemplate;
import io.stagewire.data.catalog.LabelTemplateRow;
import org.junit.jupiter.api.Test;

class LabelTemplateMappingTest {

    @Test
    void theSeededDefaultTemplateKeepsTheShelfLabelsProportions() {
        LabelTemplate template = LabelTemplateMapping.toLabelTemplate(
                new LabelTemplateRow("default", null, 58, 38, "AUTO", "EUR", 10), "de-DE");

        assertThat(template.widthMm()).isEqualTo(58);
        assertThat(template.heightMm()).isEqualTo(38);
        assertThat(template.nameFontPt()).isEqualTo(10);
        assertThat(template.priceFontPt()).isCloseTo(25.88f, within(0.01f));
        assertThat(template.detailFontPt()).isCloseTo(7.06f, within(0.01f));
        assertThat(template.barcodeFormat()).isEqualTo(BarcodeFormat.AUTO);
        assertThat(template.localeTag()).isEqualTo("de-DE");
        assertThat(template.dpi()).isEqualTo(300);
    }

    @Test
    void smallTypeNeverGoesBelowFourPoints() {
        LabelTemplate template = LabelTemplateMapping.toLabelTemplate(
                new LabelTemplateRow("t", null, 40, 20, "NONE", "EUR", 6), "de-DE");

        assertThat(template.detailFontPt()).isEqualTo(4.235294f, within(0.001f));
        assertThat(LabelTemplateMapping.toLabelTemplate(new LabelTemplateRow("t", null, 40, 20, "NONE", "EUR", 5), "de-DE")
                .detailFontPt()).isEqualTo(4);
    }

    @Test
    void whatTheRendererCannotUseIsRefusedWithTheReason() {
        assertThatThrownBy(() -> LabelTemplateMapping.toLabelTemplate(
                new LabelTemplateRow("t", null, 60, 12, "AUTO", "EUR", 9), "de-DE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label size must be 20–300 × 15–300 mm, was 60.0 × 12.0");
        assertThatThrownBy(() -> LabelTemplateMapping.toLabelTemplate(
                new LabelTemplateRow("t", null, 60, 30, "QR", "EUR", 9), "de-DE"))
                .hasMessage("barcode format 'QR' is not one of [AUTO, EAN_13, CODE_128, NONE]");
    }
}
