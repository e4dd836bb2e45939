package io.stagewire.ocr.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.stagewire.events.work.PageEvidence;
import io.stagewire.ocr.service.PageEvidenceCheck.Disagreement;

class PageEvidenceCheckTest {

    private static final ProductFields READ = new ProductFields("ART-77318", "Akku-Bohrschrauber 18 V",
            new BigDecimal("97.26"), "EUR", null, new FieldConfidence(60, 80, 70, 0));

    @Test
    void withoutEvidenceTheReadingIsUnchanged() {
        PageEvidenceCheck.Checked checked = PageEvidenceCheck.check(READ, null);

        assertThat(checked.fields()).isEqualTo(READ);
        assertThat(checked.evidence()).isNull();
        assertThat(checked.disagreements()).isEmpty();
    }

    @Test
    void agreementRaisesConfidenceAndAStatedGtinFillsAMissingEan() {
        PageEvidence page = new PageEvidence("json-ld", "Akku-Bohrschrauber 18 V, 2 Akkus", "97.260", "eur",
                "ART 77318", "4006381333931");

        PageEvidenceCheck.Checked checked = PageEvidenceCheck.check(READ, page);

        assertThat(checked.agreements()).containsExactly("price", "currency", "articleNumber", "name");
        assertThat(checked.disagreements()).isEmpty();
        assertThat(checked.filledFromPage()).containsExactly("ean");
        assertThat(checked.fields().ean()).isEqualTo("4006381333931");
        assertThat(checked.fields().confidence()).isEqualTo(new FieldConfidence(90, 95, 93, 0));
        assertThat(checked.fields().price()).isEqualTo(READ.price());
    }

    @Test
    void disagreementIsReportedAndTheReadingKept() {
        // The sale price read from the screenshot, the old price in the markup; an OCR error in the article number.
        PageEvidence page = new PageEvidence("microdata", "Rasenmäher", "121.58", "EUR", "ART-77316", null);

        PageEvidenceCheck.Checked checked = PageEvidenceCheck.check(READ, page);

        assertThat(checked.disagreements()).containsExactly(
                new Disagreement("price", "97.26", "121.58"),
                new Disagreement("articleNumber", "ART-77318", "ART-77316"),
                new Disagreement("name", "Akku-Bohrschrauber 18 V", "Rasenmäher"));
        assertThat(checked.agreements()).containsExactly("currency");
        assertThat(checked.fields().price()).isEqualByComparingTo("97.26");
        assertThat(checked.fields().articleNumber()).isEqualTo("ART-77318");
        assertThat(checked.fields().confidence()).isEqualTo(READ.confidence());
    }

    @Test
    void aFieldOnlyThePageHasIsADisagreementNotAFillIn() {
        ProductFields noPrice = new ProductFields("ART-1", null, null, null, "4006381333931",
                new FieldConfidence(50, 0, 0, 90));
        PageEvidence page = new PageEvidence("meta", null, "5.00", "EUR", null, "04006381333931");

        PageEvidenceCheck.Checked checked = PageEvidenceCheck.check(noPrice, page);

        assertThat(checked.disagreements()).containsExactly(new Disagreement("price", null, "5.00"),
                new Disagreement("currency", null, "EUR"));
        assertThat(checked.agreements()).containsExactly("ean");
        assertThat(checked.fields().price()).isNull();
        assertThat(checked.fields().confidence().ean()).isEqualTo(98);
    }
}
