package io.stagewire.jobapi.service;

import static org.assertj.core.api.Assertions.assertThat;

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
}
