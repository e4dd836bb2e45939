package io.stagewire.jobapi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagewire.jobapi.support.Workbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Header names and price texts as people type them. */
class PriceListImportTest {

    @ParameterizedTest
    @CsvSource({"Art.-Nr.,ARTICLE_NUMBER", "Artikelnummer,ARTICLE_NUMBER", "SKU,ARTICLE_NUMBER", "Article No.,ARTICLE_NUMBER",
            "Bezeichnung,NAME", "Product name,NAME", "Preis (EUR),PRICE", "VK,PRICE", "Unit price,PRICE", "GTIN,EAN"})
    void headerNamesInGermanAndEnglish(String header, PriceListImport.Column column) {
        assertThat(PriceListImport.columnNamed(header)).contains(column);
    }

    @Test
    void unrelatedHeadersAreNotColumns() {
        assertThat(PriceListImport.columnNamed("Preisliste Herbst")).isEmpty();
        assertThat(PriceListImport.columnNamed("Menge")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"19,90|19.90", "19.9|19.90", "1.234,50 €|1234.50", "1,234.50|1234.50", "EUR 7|7.00",
            "1.234.567|1234567.00", "0,125|0.13"})
    void pricesWithEitherDecimalSeparator(String text, String expected) {
        assertThat(PriceListImport.parsePrice(text)).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo(expected));
    }

    @Test
    void textIsNotAPrice() {
        assertThat(PriceListImport.parsePrice("abc")).isEmpty();
        assertThat(PriceListImport.parsePrice("12,-")).isEmpty();
    }

    @Test
    void eanCheckDigit() {
        assertThat(Ean.isValid("4006381333931")).isTrue();
        assertThat(Ean.isValid("4006381333932")).isFalse();
        assertThat(Ean.isValid("96385074")).isTrue();
        assertThat(Ean.isValid("12345")).isFalse();
    }

    @Tag("attack")
    @Test
    void readingStopsAtTheRowLimitWithThePreciseReason() throws IOException {
        Object[][] rows = IntStream.rangeClosed(0, 6).mapToObj(r -> r == 0 ? new Object[]{"SKU", "Name", "Price"}
                : new Object[]{"A-" + r, "Article " + r, 1.5 * r}).toArray(Object[][]::new);
        Path file = write(Workbooks.xlsx(rows));
        assertThat(PriceListImport.read(file, 6)).hasSize(6);
        assertThatThrownBy(() -> PriceListImport.read(file, 4)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.getMessage()).isEqualTo("the price list has more than 4 articles, the limit (reading stopped at row 6)");
        });
    }

    @Test
    void numbersReadAsTheirPlainValueAndReadingStopsAfterTwentyProblems() throws IOException {
        Object[][] good = {{"Art.-Nr.", "Bezeichnung", "Preis", "EAN"}, {4006381333931L, "Stift", 19.9, 4006381333931L}};
        assertThat(PriceListImport.read(write(Workbooks.xlsx(good)), 10)).singleElement().satisfies(a -> {
            assertThat(a.articleNumber()).isEqualTo("4006381333931");
            assertThat(a.ean()).isEqualTo("4006381333931");
            assertThat(a.price()).isEqualByComparingTo("19.90");
            assertThat(a.sheetRow()).isEqualTo(2);
        });
        Object[][] bad = IntStream.rangeClosed(0, 40).mapToObj(r -> r == 0 ? new Object[]{"SKU", "Name", "Price"}
                : new Object[]{"A-" + r, "Article " + r, "free"}).toArray(Object[][]::new);
        assertThatThrownBy(() -> PriceListImport.read(write(Workbooks.xlsx(bad)), 100)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors()).hasSize(PriceListImport.MAX_REPORTED_ERRORS));
    }

    @Tag("attack")
    @Test
    void aZipBombIsRefusedAsTooLargeWithoutBeingInflated() throws IOException {
        // The sheet replaced by 256 MiB of spaces in an XML comment: about 250 KB packed, over POI's inflate ratio.
        byte[] padding = new byte[1 << 20];
        Arrays.fill(padding, (byte) ' ');
        byte[] bomb = withSheetPadding(256, padding);
        assertThat(bomb.length).isLessThan(1 << 20);
        long heapBefore = usedHeap();
        assertThatThrownBy(() -> PriceListImport.read(write(bomb), 100)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(413);
            assertThat(e.getMessage()).contains("zip bomb").contains("100 times its packed size");
        });
        assertThat(usedHeap() - heapBefore).as("bytes of heap the refusal kept").isLessThan(64L << 20);
    }

    @Tag("attack")
    @Test
    void aSheetThatUnpacksPastItsLimitIsRefusedAsTooLarge() throws IOException {
        // Under POI's ratio (text that packs about 40:1, within the 5 MiB upload) but past the sheet's 128 MiB.
        byte[] padding = new byte[1 << 20];
        Random random = new Random(16);
        for (int i = 0; i < padding.length; i++) {
            padding[i] = (byte) (i % 100 == 0 ? 'a' + random.nextInt(26) : ' ');
        }
        byte[] large = withSheetPadding(136, padding);
        assertThat(large.length).isLessThan(5 << 20);
        assertThatThrownBy(() -> PriceListImport.read(write(large), 100)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(413);
            assertThat(e.getMessage()).isEqualTo("unpacking sheet 'Preise' of the workbook passed " + PriceListImport.MAX_SHEET_BYTES
                    + " bytes, the limit");
        });
    }

    /** A real workbook whose first sheet holds {@code mebibytes} MiB of {@code padding} (1 MiB) in an XML comment. */
    private static byte[] withSheetPadding(int mebibytes, byte[] padding) throws IOException {
        byte[] workbook = Workbooks.xlsx(new Object[][]{{"SKU", "Name", "Price"}, {"A-1", "Pen", 1.5}});
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream out = new ZipOutputStream(packed)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><!--"
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < mebibytes; i++) {
                        out.write(padding);
                    }
                    out.write("--><sheetData/></worksheet>".getBytes(StandardCharsets.US_ASCII));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return packed.toByteArray();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("price-list", ".xlsx");
        file.toFile().deleteOnExit();
        return Files.write(file, bytes);
    }
}
