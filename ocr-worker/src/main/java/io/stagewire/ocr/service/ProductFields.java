package io.stagewire.ocr.service;

import java.math.BigDecimal;

/**
 * The fields read from one product screenshot, shaped like the {@code ocr:completed} event data.
 * A field that was not found is null, with confidence 0.
 *
 * @param articleNumber e.g. {@code ART-10234}
 * @param price         the selling price, two decimals
 * @param currency      ISO 4217 code of the price, e.g. {@code EUR}
 * @param ean           an EAN-13 whose check digit verifies
 * @param previousPrice the old price the shop shows beside the selling price ("statt", "UVP", "was", ...), higher
 *                      than it and in its currency; null when there is none
 */
public record ProductFields(String articleNumber, String name, BigDecimal price, String currency, String ean,
        FieldConfidence confidence, BigDecimal previousPrice, String pricePrefix) {

    /** Without a price prefix. */
    public ProductFields(String articleNumber, String name, BigDecimal price, String currency, String ean,
            FieldConfidence confidence, BigDecimal previousPrice) {
        this(articleNumber, name, price, currency, ean, confidence, previousPrice, null);
    }

    /** Without a previous price. */
    public ProductFields(String articleNumber, String name, BigDecimal price, String currency, String ean,
            FieldConfidence confidence) {
        this(articleNumber, name, price, currency, ean, confidence, null, null);
    }
}
