package io.stagewire.labelworker.domain;

import java.util.List;

/**
 * The rows read from a price-list workbook, and the rows that could not be used with the reason
 * for each (e.g. {@code row 7: no price}), so a user can fix the sheet.
 */
public record PriceList(List<PriceListRow> rows, List<String> skippedRows) {

    public PriceList {
        rows = List.copyOf(rows);
        skippedRows = List.copyOf(skippedRows);
    }
}
