package io.stagewire.jobapi.service;

import io.stagewire.jobapi.rest.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a price list from an .xlsx workbook: the first sheet with a header row naming article
 * number, name and price (German or English, in any order; EAN optional) within its first rows.
 * Every problem is reported with its sheet row, as a spreadsheet program numbers rows.
 */
public final class PriceListImport {
    /** Rows searched for the header. */
    static final int HEADER_SEARCH_ROWS = 20;
    /** Row problems reported at most; one is enough to fix the file, a few save round trips. */
    static final int MAX_REPORTED_ERRORS = 20;

    enum Column { ARTICLE_NUMBER, NAME, PRICE, EAN }

    // Header names, compared after lower-casing and dropping everything but letters and digits;
    // "Preis (EUR)" and "Art.-Nr." match "preis" and "artnr".
    private static final Map<Column, List<String>> HEADER_NAMES = Map.of(
            Column.ARTICLE_NUMBER, List.of("artikelnummer", "artikelnr", "artnr", "articlenumber", "articleno", "articlenr",
                    "itemnumber", "itemno", "sku", "produktnummer", "productnumber", "bestellnummer"),
            Column.NAME, List.of("name", "bezeichnung", "artikelbezeichnung", "artikelname", "produktname", "productname",
                    "itemname", "description", "beschreibung", "titel", "title"),
            Column.PRICE, List.of("preis", "price", "vk", "verkaufspreis", "einzelpreis", "listenpreis", "listprice",
                    "unitprice", "bruttopreis"),
            Column.EAN, List.of("ean", "gtin", "barcode"));

    /** One article as read. */
    public record Article(int sheetRow, String articleNumber, String name, BigDecimal price, String ean) {
    }

    private PriceListImport() {
    }

    /**
     * @throws ProblemException 415 when the bytes are not an .xlsx workbook, 422 naming the rows
     *                          and reasons when its content cannot be used
     */
    public static List<Article> read(InputStream xlsx, int maxRows) {
        try (Workbook workbook = new XSSFWorkbook(xlsx)) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (Sheet sheet : workbook) {
                Optional<Header> header = findHeader(sheet, formatter);
                if (header.isPresent()) {
                    return readRows(sheet, header.get(), formatter, maxRows);
                }
            }
            throw ProblemException.unprocessable("no header row naming article number, name and price in the first "
                    + HEADER_SEARCH_ROWS + " rows of any sheet (e.g. 'Artikelnummer', 'Bezeichnung', 'Preis' or "
                    + "'Article number', 'Name', 'Price')", null);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.unsupported("the file is not an .xlsx workbook (" + e.getClass().getSimpleName() + ")");
        }
    }

    private record Header(int rowIndex, Map<Column, Integer> columns) {
    }

    private static Optional<Header> findHeader(Sheet sheet, DataFormatter formatter) {
        for (int r = sheet.getFirstRowNum(); r >= 0 && r <= Math.min(sheet.getLastRowNum(), sheet.getFirstRowNum() + HEADER_SEARCH_ROWS - 1); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<Column, Integer> columns = new HashMap<>();
            for (Cell cell : row) {
                columnNamed(formatter.formatCellValue(cell)).ifPresent(column -> columns.putIfAbsent(column, cell.getColumnIndex()));
            }
            if (columns.keySet().containsAll(List.of(Column.ARTICLE_NUMBER, Column.NAME, Column.PRICE))) {
                return Optional.of(new Header(r, columns));
            }
        }
        return Optional.empty();
    }

    static Optional<Column> columnNamed(String header) {
        String key = Normalizer.normalize(header, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (key.isEmpty()) {
            return Optional.empty();
        }
        for (Column column : Column.values()) {
            for (String name : HEADER_NAMES.get(column)) {
                // "Preis EUR", "Price (gross)": the name followed by a unit or qualifier
                if (key.equals(name) || (column == Column.PRICE && key.startsWith(name) && !key.startsWith("preisliste"))) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }

    private static List<Article> readRows(Sheet sheet, Header header, DataFormatter formatter, int maxRows) {
        List<Article> articles = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int r = header.rowIndex() + 1; r <= sheet.getLastRowNum() && errors.size() < MAX_REPORTED_ERRORS; r++) {
            Row row = sheet.getRow(r);
            int sheetRow = r + 1;
            String article = text(row, header.columns().get(Column.ARTICLE_NUMBER), formatter);
            String name = text(row, header.columns().get(Column.NAME), formatter);
            String priceText = text(row, header.columns().get(Column.PRICE), formatter);
            String ean = text(row, header.columns().get(Column.EAN), formatter);
            if (article.isEmpty() && name.isEmpty() && priceText.isEmpty() && ean.isEmpty()) {
                continue;
            }
            if (articles.size() >= maxRows) {
                throw ProblemException.unprocessable("the price list has more than " + maxRows + " articles", null);
            }
            int before = errors.size();
            if (article.isEmpty()) {
                errors.add(error(sheetRow, "articleNumber", "article number is empty"));
            } else if (article.length() > 128) {
                errors.add(error(sheetRow, "articleNumber", "article number is longer than 128 characters"));
            } else if (seen.containsKey(article)) {
                errors.add(error(sheetRow, "articleNumber", "article number '" + article + "' is already in row " + seen.get(article)));
            } else {
                seen.put(article, sheetRow);
            }
            if (name.isEmpty()) {
                errors.add(error(sheetRow, "name", "name is empty"));
            }
            Optional<BigDecimal> price = priceOf(row, header.columns().get(Column.PRICE), priceText);
            if (price.isEmpty()) {
                errors.add(error(sheetRow, "price", priceText.isEmpty() ? "price is empty" : "price '" + priceText + "' is not a number"));
            } else if (price.get().signum() < 0) {
                errors.add(error(sheetRow, "price", "price " + price.get() + " is negative"));
            }
            if (!ean.isEmpty() && !Ean.isValid(ean)) {
                errors.add(error(sheetRow, "ean", "EAN '" + ean + "' is not a valid EAN-8, UPC-A, EAN-13 or GTIN-14"));
            }
            if (errors.size() == before) {
                articles.add(new Article(sheetRow, article, truncate(name), price.get(), ean.isEmpty() ? null : ean));
            }
        }
        if (!errors.isEmpty()) {
            Problem.FieldError first = errors.get(0);
            throw ProblemException.unprocessable(errors.size() + (errors.size() == 1 ? " problem" : " problems")
                    + ", first: row " + first.row() + ": " + first.message(), errors);
        }
        if (articles.isEmpty()) {
            throw ProblemException.unprocessable("the price list has a header in row " + (header.rowIndex() + 1) + " but no articles", null);
        }
        return articles;
    }

    private static Problem.FieldError error(int row, String field, String message) {
        return new Problem.FieldError(field, row, message);
    }

    private static String text(Row row, Integer column, DataFormatter formatter) {
        if (row == null || column == null) {
            return "";
        }
        Cell cell = row.getCell(column);
        if (cell == null) {
            return "";
        }
        if (cellType(cell) == CellType.NUMERIC) {
            // Article numbers and EANs typed as numbers: 4006381333931, not 4.006381333931E12
            return new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static Optional<BigDecimal> priceOf(Row row, Integer column, String text) {
        Cell cell = row == null ? null : row.getCell(column);
        if (cell != null && cellType(cell) == CellType.NUMERIC) {
            return Optional.of(BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP));
        }
        return parsePrice(text);
    }

    /**
     * "19,90", "19.90 €", "EUR 1.234,50", "1,234.50": with both separators the last one is the
     * decimal one; a lone separator is decimal ("1.5"); a repeated one groups thousands ("1.234.567").
     */
    static Optional<BigDecimal> parsePrice(String text) {
        String s = text.replaceAll("(?i)eur|€|\\s", "");
        if (!s.matches("-?[0-9]+([.,][0-9]+)*")) {
            return Optional.empty();
        }
        int decimal = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
        String digits;
        if (decimal < 0) {
            digits = s;
        } else if (s.indexOf(s.charAt(decimal)) != decimal && s.indexOf(s.charAt(decimal) == ',' ? '.' : ',') < 0) {
            digits = s.replaceAll("[.,]", "");
        } else {
            digits = s.substring(0, decimal).replaceAll("[.,]", "") + "." + s.substring(decimal + 1);
        }
        return Optional.of(new BigDecimal(digits).setScale(2, RoundingMode.HALF_UP));
    }

    private static CellType cellType(Cell cell) {
        return cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    }

    private static String truncate(String name) {
        return name.length() <= 1000 ? name : name.substring(0, 1000);
    }
}
