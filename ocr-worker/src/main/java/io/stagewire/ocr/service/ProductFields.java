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

    /**
     * These fields, with the ones not found here taken from {@code other} (a second reading): the price with its
     * currency, previous price and prefix as one, so a price is never paired with another reading's currency.
     */
    public ProductFields withMissingFrom(ProductFields other) {
        boolean otherPrice = price == null && other.price() != null;
        return new ProductFields(
                articleNumber != null ? articleNumber : other.articleNumber(),
                name != null ? name : other.name(),
                otherPrice ? other.price() : price,
                otherPrice ? other.currency() : currency,
                ean != null ? ean : other.ean(),
                new FieldConfidence(articleNumber != null ? confidence.articleNumber() : other.confidence().articleNumber(),
                        name != null ? confidence.name() : other.confidence().name(),
                        otherPrice ? other.confidence().price() : confidence.price(),
                        ean != null ? confidence.ean() : other.confidence().ean()),
                otherPrice ? other.previousPrice() : previousPrice,
                otherPrice ? other.pricePrefix() : pricePrefix);
    }
}
