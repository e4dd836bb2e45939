package io.stagewire.data.catalog;

/** How big a stored price list is, known before any row is read. */
public record PriceListSize(long rows, long textBytes) {
}
