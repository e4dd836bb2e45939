package io.stagewire.jobapi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagewire.jobapi.support.Workbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
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

    private static Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("price-list", ".xlsx");
        file.toFile().deleteOnExit();
        return Files.write(file, bytes);
    }
}
