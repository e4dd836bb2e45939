package io.stagewire.labelworker.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What goes on one label.
 *
 * @param currency ISO 4217 code of both prices
 * @param ean printed as EAN-13 when it is a valid EAN-13; null or invalid falls back to Code128 of the article number
 * @param oldPrice shown struck through when the template asks for it; null for none
 * @param pricePrefix printed before the price as the shop writes it ("ab 9,99 €"); null for a plain price
 */
public record LabelData(String name, BigDecimal price, String currency, String articleNumber, String ean,
                        BigDecimal oldPrice, String pricePrefix) {

    /** Without a price prefix. */
    public LabelData(String name, BigDecimal price, String currency, String articleNumber, String ean, BigDecimal oldPrice) {
        this(name, price, currency, articleNumber, ean, oldPrice, null);
    }

    public LabelData {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(currency, "currency");
        if (articleNumber == null || articleNumber.isBlank()) {
            throw new IllegalArgumentException("a label needs an article number");
        }
        name = name == null ? "" : name.strip();
        articleNumber = articleNumber.strip();
        pricePrefix = pricePrefix == null || pricePrefix.isBlank() ? null : pricePrefix.strip();
    }

    /** The label for a matched row: the list is the authority for name, price and EAN. */
    public static LabelData of(PriceListRow row) {
        return new LabelData(row.name(), row.price(), row.currency(), row.articleNumber(), row.ean(), null);
    }
}
