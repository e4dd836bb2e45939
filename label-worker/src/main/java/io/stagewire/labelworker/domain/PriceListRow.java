package io.stagewire.labelworker.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** One row of a job's price list: what the shop should charge for an article. */
public record PriceListRow(String articleNumber, String name, BigDecimal price, String currency, String ean) {

    public PriceListRow {
        if (articleNumber == null || articleNumber.isBlank()) {
            throw new IllegalArgumentException("a price-list row needs an article number");
        }
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(currency, "currency");
    }
}
