package io.stagewire.jobapi.service;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

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
    // Unpacked sizes read at most (zip-bomb defence besides POI's inflate-ratio check): the sheet
    // streams by, the shared strings and styles are held in memory.
    static final long MAX_SHEET_BYTES = 128L << 20;
    static final long MAX_SHARED_STRINGS_BYTES = 32L << 20;
    static final long MAX_STYLES_BYTES = 4L << 20;

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
     * Reads the workbook streaming, sheet by sheet, and stops as soon as the answer is known: at
     * more than {@code maxRows} articles, or at {@link #MAX_REPORTED_ERRORS} problems. Memory is
     * bounded by the rows kept, not by the size of the file (the shared strings and styles are
     * read whole, each up to its limit of unpacked bytes).
     *
     * @throws ProblemException 415 when the file is not an .xlsx workbook, 422 naming the rows
     *                          and reasons when its content cannot be used, 413 when a part of
     *                          the workbook is larger than its limit once unpacked
     */
    public static List<Article> read(Path xlsx, int maxRows) {
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = sharedStrings(pkg);
            StylesTable styles = styles(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = new UnpackedLimit(sheets.next(), MAX_SHEET_BYTES, "sheet '" + sheets.getSheetName() + "'")) {
                    SheetRows rows = new SheetRows(maxRows);
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows, new PlainNumbers(), false));
                    try {
                        parser.parse(new InputSource(sheet));
                    } catch (SheetRows.Done done) {
                        // the rows read so far decide
                    }
                    if (rows.header != null) {
                        return rows.result();
                    }
                }
            }
            throw ProblemException.unprocessable("no header row naming article number, name and price in the first "
                    + HEADER_SEARCH_ROWS + " rows of any sheet (e.g. 'Artikelnummer', 'Bezeichnung', 'Preis' or "
                    + "'Article number', 'Name', 'Price')", null);
        } catch (SAXException e) {
            if (e.getException() instanceof ProblemException problem) {
                throw problem;
            }
            throw notAWorkbook(e);
        } catch (IOException | OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            throw notAWorkbook(e);
        }
    }

    private static ProblemException notAWorkbook(Exception e) {
        if (isZipBomb(e)) {
            return ProblemException.tooLarge("a part of the workbook would unpack to more than "
                    + Math.round(1 / ZipSecureFile.getMinInflateRatio()) + " times its packed size (a zip bomb): refused before unpacking it");
        }
        return ProblemException.unsupported("the file is not an .xlsx workbook (" + e.getClass().getSimpleName() + ")");
    }

    /** POI's inflate-ratio check refuses such a part before inflating it, and says so only in its message. */
    private static boolean isZipBomb(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }

    private static SharedStrings sharedStrings(OPCPackage pkg) throws IOException, SAXException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(InputStream.nullInputStream());
        }
        try (InputStream in = new UnpackedLimit(parts.get(0).getInputStream(), MAX_SHARED_STRINGS_BYTES, "the shared strings")) {
            return new ReadOnlySharedStringsTable(in, false);
        }
    }

    private static StylesTable styles(OPCPackage pkg) throws IOException {
        StylesTable styles = new StylesTable();
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (!parts.isEmpty()) {
            try (InputStream in = new UnpackedLimit(parts.get(0).getInputStream(), MAX_STYLES_BYTES, "the styles")) {
                styles.readFrom(in);
            }
        }
        return styles;
    }

    /**
     * Numbers as their plain value whatever the cell's format: article numbers and EANs typed as
     * numbers read 4006381333931, not 4.00638E+12; prices keep their digits.
     */
    private static final class PlainNumbers extends DataFormatter {
        PlainNumbers() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
    }

    /** Collects one sheet's rows as they stream by: first the header, then the articles. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        /** Thrown to stop reading a sheet once its outcome is known. */
        static final class Done extends RuntimeException {
            Done() {
                super(null, null, false, false);
            }
        }

        private final int maxRows;
        private final Map<Integer, String> cells = new HashMap<>();
        private final List<Article> articles = new ArrayList<>();
        private final List<FieldError> errors = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();
        private int firstRow = -1;
        private Header header;

        SheetRows(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            if (firstRow < 0) {
                firstRow = rowNum;
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (cellReference != null && formattedValue != null) {
                cells.put(new CellReference(cellReference).getCol() & 0xFFFF, formattedValue.strip());
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (header == null) {
                findHeader(rowNum);
            } else {
                article(rowNum + 1);
            }
        }

        private void findHeader(int rowNum) {
            if (rowNum >= firstRow + HEADER_SEARCH_ROWS) {
                throw new Done();
            }
            Map<Column, Integer> columns = new HashMap<>();
            cells.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(cell ->
                    columnNamed(cell.getValue()).ifPresent(column -> columns.putIfAbsent(column, cell.getKey())));
            if (columns.keySet().containsAll(List.of(Column.ARTICLE_NUMBER, Column.NAME, Column.PRICE))) {
                header = new Header(rowNum, columns);
            }
        }

        private String text(Column column) {
            Integer index = header.columns().get(column);
            return index == null ? "" : cells.getOrDefault(index, "");
        }

        private void article(int sheetRow) {
            String article = text(Column.ARTICLE_NUMBER);
            String name = text(Column.NAME);
            String priceText = text(Column.PRICE);
            String ean = text(Column.EAN);
            if (article.isEmpty() && name.isEmpty() && priceText.isEmpty() && ean.isEmpty()) {
                return;
            }
            if (articles.size() >= maxRows) {
                throw ProblemException.unprocessable("the price list has more than " + maxRows
                        + " articles, the limit (reading stopped at row " + sheetRow + ")", null);
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
            Optional<BigDecimal> price = parsePrice(priceText);
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
            if (errors.size() >= MAX_REPORTED_ERRORS) {
                throw new Done();
            }
        }

        List<Article> result() {
            if (!errors.isEmpty()) {
                FieldError first = errors.get(0);
                throw ProblemException.unprocessable(errors.size() + (errors.size() == 1 ? " problem" : " problems")
                        + ", first: row " + first.row() + ": " + first.message(), errors);
            }
            if (articles.isEmpty()) {
                throw ProblemException.unprocessable("the price list has a header in row " + (header.rowIndex() + 1) + " but no articles", null);
            }
            return articles;
        }
    }

    private record Header(int rowIndex, Map<Column, Integer> columns) {
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

    private static FieldError error(int row, String field, String message) {
        return new FieldError(field, row, message);
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

    private static String truncate(String name) {
        return name.length() <= 1000 ? name : name.substring(0, 1000);
    }
}
