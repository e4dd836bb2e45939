package io.stagewire.labelworker.domain;

import java.math.BigDecimal;

/**
 * What OCR read from one product screenshot. Every field may be missing; the article number may
 * carry OCR confusions (O for 0, a dropped hyphen, ...).
 */
public record OcrReading(String articleNumber, String name, BigDecimal price, String currency, String ean) {

    /** Without an EAN. */
    public OcrReading(String articleNumber, String name, BigDecimal price, String currency) {
        this(articleNumber, name, price, currency, null);
    }
}
