package io.stagewire.labelworker.service;

import io.stagewire.labelworker.domain.PriceList;
import io.stagewire.labelworker.domain.PriceListRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a price list from an Excel workbook (.xlsx or .xls). The header row is found by its
 * names (article number and price are required; name, currency and EAN are optional) within the
 * first rows of the first sheet that has one. Rows that cannot be used are skipped with a reason;
 * a workbook without such a header is refused. Stateless, so one instance serves all threads.
 */
public final class PriceListWorkbookReader {
    private static final int HEADER_SEARCH_ROWS = 10;
    private static final Pattern CURRENCY_CODE = Pattern.compile("\\b([A-Z]{3})\\b");
    private static final Map<String, String> CURRENCY_SYMBOLS = Map.of("€", "EUR", "$", "USD", "£", "GBP");
    /** A number as people write prices: 1.299,00 or 1,299.00 or 19,99 or 24 (any currency text around it). */
    private static final Pattern AMOUNT = Pattern.compile("-?\\d[\\d.,'\\s\\u00a0\\u202f]*");

    /**
     * @param defaultCurrency ISO 4217 code for rows whose currency neither a column nor the price cell gives
     */
    public PriceList read(InputStream workbookFile, String defaultCurrency) throws PriceListFormatException {
        Currency.getInstance(defaultCurrency);
        try (Workbook workbook = open(workbookFile)) {
            SheetReading reading = new SheetReading(defaultCurrency);
            for (Sheet sheet : workbook) {
                Optional<Header> header = reading.findHeader(sheet);
                if (header.isPresent()) {
                    return reading.readRows(sheet, header.get());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the workbook", e);
        }
        throw new PriceListFormatException("no header row with an article-number and a price column in the first "
                + HEADER_SEARCH_ROWS + " rows of any sheet; name the columns e.g. 'Article number' and 'Price' "
                + "(or 'Artikelnummer' and 'Preis'), optionally 'Name', 'Currency', 'EAN'");
    }

    private static Workbook open(InputStream workbookFile) throws PriceListFormatException {
        try {
            return WorkbookFactory.create(workbookFile);
        } catch (IOException | RuntimeException e) {
            // POI reports a file that is not a workbook (or is encrypted) with assorted exceptions.
            throw new PriceListFormatException("not a readable Excel workbook (.xlsx or .xls): " + e.getMessage(), e);
        }
    }

    /** Row index of the header and the column index of each recognised column. */
    private record Header(int rowIndex, Map<PriceListColumn, Integer> columns) {
    }

    /** One workbook being read: POI's DataFormatter is not thread-safe, so each read has its own. */
    private static final class SheetReading {
        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
        private final String defaultCurrency;

        SheetReading(String defaultCurrency) {
            this.defaultCurrency = defaultCurrency;
        }

        Optional<Header> findHeader(Sheet sheet) {
            for (int r = sheet.getFirstRowNum(); r >= 0 && r < sheet.getFirstRowNum() + HEADER_SEARCH_ROWS; r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<PriceListColumn, Integer> columns = new EnumMap<>(PriceListColumn.class);
                for (Cell cell : row) {
                    PriceListColumn.forHeader(formatter.formatCellValue(cell))
                            .ifPresent(column -> columns.putIfAbsent(column, cell.getColumnIndex()));
                }
                if (columns.containsKey(PriceListColumn.ARTICLE_NUMBER) && columns.containsKey(PriceListColumn.PRICE)) {
                    return Optional.of(new Header(r, columns));
                }
            }
            return Optional.empty();
        }

        PriceList readRows(Sheet sheet, Header header) {
            List<PriceListRow> rows = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (int r = header.rowIndex() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || header.columns().values().stream().allMatch(c -> text(row, c).isEmpty())) {
                    continue;
                }
                try {
                    rows.add(readRow(row, header.columns()));
                } catch (IllegalArgumentException e) {
                    // Row numbers as the spreadsheet shows them, counting from 1.
                    skipped.add("row " + (r + 1) + ": " + e.getMessage());
                }
            }
            return new PriceList(rows, skipped);
        }

        private PriceListRow readRow(Row row, Map<PriceListColumn, Integer> columns) {
            String articleNumber = column(row, columns, PriceListColumn.ARTICLE_NUMBER);
            if (articleNumber.isEmpty()) {
                throw new IllegalArgumentException("no article number");
            }
            Cell priceCell = row.getCell(columns.get(PriceListColumn.PRICE));
            String priceText = priceCell == null ? "" : formatter.formatCellValue(priceCell);
            if (priceText.isBlank()) {
                throw new IllegalArgumentException("no price for " + articleNumber);
            }
            String currency = currency(column(row, columns, PriceListColumn.CURRENCY), priceText, defaultCurrency);
            String ean = column(row, columns, PriceListColumn.EAN);
            return new PriceListRow(articleNumber, column(row, columns, PriceListColumn.NAME),
                    price(priceCell, priceText, articleNumber).setScale(
                            Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()), RoundingMode.HALF_UP),
                    currency, ean.isEmpty() ? null : ean);
        }

        private String column(Row row, Map<PriceListColumn, Integer> columns, PriceListColumn column) {
            Integer index = columns.get(column);
            return index == null ? "" : text(row, index);
        }

        /**
         * A cell as text. Whole numbers are written out in full: an EAN or article number typed as a
         * number would otherwise come back as 4.00638E12.
         */
        private String text(Row row, int index) {
            Cell cell = row.getCell(index);
            if (cell == null) {
                return "";
            }
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            if (type == CellType.NUMERIC) {
                BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue());
                if (number.signum() == 0 || number.stripTrailingZeros().scale() <= 0) {
                    return number.toBigInteger().toString();
                }
            }
            return formatter.formatCellValue(cell).strip();
        }
    }

    private static BigDecimal price(Cell cell, String text, String articleNumber) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue());
        }
        Matcher amount = AMOUNT.matcher(text);
        try {
            if (amount.find()) {
                return parseAmount(amount.group().replaceAll("[\\s\\u00a0\\u202f']", ""));
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("price '" + text + "' of " + articleNumber + " is not a number");
    }

    /** The last '.' or ',' followed by one or two digits is the decimal separator; other separators group thousands. */
    private static BigDecimal parseAmount(String amount) {
        int decimal = Math.max(amount.lastIndexOf('.'), amount.lastIndexOf(','));
        boolean hasDecimals = decimal >= 0 && amount.length() - decimal - 1 <= 2 && amount.length() - decimal - 1 > 0;
        String whole = (hasDecimals ? amount.substring(0, decimal) : amount).replaceAll("[.,]", "");
        return new BigDecimal(hasDecimals ? whole + "." + amount.substring(decimal + 1) : whole);
    }

    /** From the currency column, else a symbol or code in the price cell as shown, else the default. */
    private static String currency(String column, String priceText, String defaultCurrency) {
        String code = column.isEmpty() ? currencyIn(priceText).orElse(defaultCurrency) : column;
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency '" + code + "' is not an ISO 4217 code");
        }
    }

    private static Optional<String> currencyIn(String priceText) {
        Optional<String> symbol = CURRENCY_SYMBOLS.entrySet().stream().filter(e -> priceText.contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst();
        if (symbol.isPresent()) {
            return symbol;
        }
        Matcher code = CURRENCY_CODE.matcher(priceText);
        return code.find() ? Optional.of(code.group(1)) : Optional.empty();
    }
}
