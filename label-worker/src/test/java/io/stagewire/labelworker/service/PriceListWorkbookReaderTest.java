package io.stagewire.labelworker.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.stagewire.labelworker.domain.PriceList;
import io.stagewire.labelworker.domain.PriceListRow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class PriceListWorkbookReaderTest {
    private final PriceListWorkbookReader reader = new PriceListWorkbookReader();

    @Test
    void readsEnglishHeadersWithNumericPricesAndTextEans() throws Exception {
        PriceList list = read("EUR", "#,##0.00",
                List.of("Article number", "Name", "Price", "EAN"),
                List.of("ART-10118", "Espressokocher für 6 Tassen", 24),
                List.of("ART-10234", "Emaille-Kochtopf 24 cm", 39.99, "4006822776136"));

        assertThat(list.skippedRows()).isEmpty();
        assertThat(list.rows()).containsExactly(
                new PriceListRow("ART-10118", "Espressokocher für 6 Tassen", new BigDecimal("24.00"), "EUR", null),
                new PriceListRow("ART-10234", "Emaille-Kochtopf 24 cm", new BigDecimal("39.99"), "EUR", "4006822776136"));
    }

    @Test
    void writesNumbersTypedIntoTextColumnsOutInFull() throws Exception {
        PriceList list = read("EUR", null, List.of("SKU", "Price", "GTIN"), List.of(10234, 5, 4006381333931L));

        assertThat(list.rows()).singleElement().satisfies(row -> {
            assertThat(row.articleNumber()).isEqualTo("10234");
            assertThat(row.ean()).isEqualTo("4006381333931");
        });
    }

    @Test
    void readsGermanHeadersTextPricesAndACurrencyColumnBelowATitle() throws Exception {
        PriceList list = read("EUR", null,
                List.of("Preisliste Herbst"),
                List.of(),
                List.of("Art.-Nr.", "Bezeichnung", "Preis", "Währung"),
                List.of("LMP-7731", "Stehlampe", "1.299,00 €", "EUR"),
                List.of("TS-1", "Taschenmesser", "CHF 49.90", "chf"),
                List.of("KB-2", "Kabel", "19,9"));

        assertThat(list.rows()).extracting(PriceListRow::articleNumber, PriceListRow::price, PriceListRow::currency)
                .containsExactly(
                        tuple("LMP-7731", new BigDecimal("1299.00"), "EUR"),
                        tuple("TS-1", new BigDecimal("49.90"), "CHF"),
                        tuple("KB-2", new BigDecimal("19.90"), "EUR"));
    }

    @Test
    void takesTheCurrencyFromThePriceCellWhenThereIsNoColumn() throws Exception {
        PriceList list = read("USD", "#,##0.00 [$€-407]",
                List.of("Article", "Price"),
                List.of("A-1", 19.99),
                List.of("A-2", "£5"),
                List.of("A-3", "$1,299.00"));

        assertThat(list.rows()).extracting(PriceListRow::price, PriceListRow::currency).containsExactly(
                tuple(new BigDecimal("19.99"), "EUR"),
                tuple(new BigDecimal("5.00"), "GBP"),
                tuple(new BigDecimal("1299.00"), "USD"));
    }

    @Test
    void usesTheCachedResultOfAFormula() throws Exception {
        PriceList list = read("EUR", null, List.of("Article number", "Price"), List.of("A-1", "=9.995*2"));

        assertThat(list.rows()).singleElement().extracting(PriceListRow::price).isEqualTo(new BigDecimal("19.99"));
    }

    @Test
    void skipsRowsItCannotUseAndSaysWhyWithTheirSpreadsheetRowNumbers() throws Exception {
        PriceList list = read("EUR", null,
                List.of("Article number", "Name", "Price", "Currency"),
                List.of("A-1", "Fine", 1.5),
                List.of(),
                List.of("A-2", "No price"),
                List.of("A-3", "On request", "auf Anfrage"),
                List.of("", "No number", 3),
                List.of("A-5", "Odd currency", 4, "EURO"));

        assertThat(list.rows()).extracting(PriceListRow::articleNumber).containsExactly("A-1");
        assertThat(list.skippedRows()).containsExactly(
                "row 4: no price for A-2",
                "row 5: price 'auf Anfrage' of A-3 is not a number",
                "row 6: no article number",
                "row 7: currency 'EURO' is not an ISO 4217 code");
    }

    @Test
    void refusesAWorkbookWithoutTheRequiredHeaders() {
        assertThatThrownBy(() -> read("EUR", null, List.of("Produkt", "Kosten"), List.of("A-1", 3)))
                .isInstanceOf(PriceListFormatException.class)
                .hasMessageStartingWith("no header row with an article-number and a price column in the first 10 rows");
    }

    @Test
    void refusesAFileThatIsNotAWorkbook() {
        byte[] csv = "Article number;Price\nA-1;3\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(csv), "EUR"))
                .isInstanceOf(PriceListFormatException.class)
                .hasMessageStartingWith("not a readable Excel workbook (.xlsx or .xls):");
    }

    /** Strings become text cells (formulas when they start with '='), numbers numeric cells in {@code numberFormat}. */
    @SafeVarargs
    private PriceList read(String defaultCurrency, String numberFormat, List<?>... rows)
            throws IOException, PriceListFormatException {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Preise");
            CellStyle numbers = workbook.createCellStyle();
            if (numberFormat != null) {
                numbers.setDataFormat(workbook.createDataFormat().getFormat(numberFormat));
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].size(); c++) {
                    Cell cell = row.createCell(c);
                    switch (rows[r].get(c)) {
                        case Number number -> {
                            cell.setCellValue(number.doubleValue());
                            cell.setCellStyle(numbers);
                        }
                        case String formula when formula.startsWith("=") -> cell.setCellFormula(formula.substring(1));
                        case Object text -> cell.setCellValue(text.toString());
                    }
                }
            }
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(bytes);
            return reader.read(new ByteArrayInputStream(bytes.toByteArray()), defaultCurrency);
        }
    }

}
