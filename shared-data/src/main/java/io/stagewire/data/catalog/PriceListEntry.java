package io.stagewire.data.catalog;

import java.math.BigDecimal;

/** A row of {@code price_list_rows}: one article of an uploaded price list; the list carries no currency. */
public record PriceListEntry(String articleNumber, String name, BigDecimal price, String ean) {
}
