package io.stagewire.ocr.service;

import static io.stagewire.ocr.service.HandMadePage.page;
import static io.stagewire.ocr.service.HandMadePage.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldExtractorTest {
    private final FieldExtractor extractor = new FieldExtractor();

    private ProductFields extract(HandMadePage page) {
        return extractor.extract(page.build());
    }

    @Nested
    class ArticleNumber {

        @ParameterizedTest
        @ValueSource(strings = {"Art.-Nr.: ART-10234", "Art.-Nr. ART-10234", "Artikel-Nr. ART-10234", "Artikelnummer: ART-10234",
                "Artikelnummer ART-10234", "Article no. ART-10234", "Item no. ART-10234", "SKU: ART-10234", "Art.Nr. ART-10234"})
        void readsTheValueAfterAnyLabel(String line) {
            ProductFields fields = extract(page().line(80, 14, line));

            assertThat(fields.articleNumber()).isEqualTo("ART-10234");
            assertThat(fields.confidence().articleNumber()).isEqualTo(90);
        }

        @ParameterizedTest
        @CsvSource({"Art.-Nr.: 12345, 12345", "Item no. ABC-12345, ABC-12345", "Artikelnummer: XY-9876543, XY-9876543", "SKU ART10234, ART10234"})
        void readsPlainAndOtherPrefixedFormsAfterALabel(String line, String expected) {
            assertThat(extract(page().line(80, 14, line)).articleNumber()).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Art.-Nr. NH-40817|NH-40817", "Artikelnummer HX20931|HX20931", "Art.-Nr. 88-40215|88-40215",
                "Bestell-Nr. 40-118-07|40-118-07", "SKU 7731-B|7731-B", "Item no. TR-0093-X|TR-0093-X",
                "Art.-Nr.: KM-5120-S|KM-5120-S", "Réf. FR 20455|FR 20455", "Ref. 30-4471|30-4471",
                "Artikelnummer 82 19 440|82 19 440", "Artikelnummer 4711023|4711023", "SKU SP–1180|SP-1180",
                "Référence : 30-4502|30-4502", "Best.-Nr. KM - 7702 - B|KM-7702-B",
                "Art.-Nr. 88-40233 EAN 4006381333931|88-40233", "Art.-Nr. 82 19 440 4006381333931|82 19 440",
                "Art.-Nr. 88-40233 12,99 €|88-40233", "SKU ART-I5105|ART-15105", "Art.-Nr. AS-1234|AS-1234"})
        void readsCodesAsShopsWriteThem(String line, String expected) {
            assertThat(extract(page().line(80, 14, line)).articleNumber()).isEqualTo(expected);
        }

        @Test
        void readsACodeOfSeveralWordsInTheNextTableCell() {
            ProductFields fields = extract(page()
                    .line(216, 87, run(14, "Artikelnummer"))
                    .line(386, 88, run(13, "82 19 440")));

            assertThat(fields.articleNumber()).isEqualTo("82 19 440");
        }

        @Test
        void readsAPrefixedNumberWithoutLabelButTrustsItLess() {
            ProductFields fields = extract(page().line(80, 14, "ART-10234"));

            assertThat(fields.articleNumber()).isEqualTo("ART-10234");
            assertThat(fields.confidence().articleNumber()).isEqualTo(90 - Confidence.UNLABELLED);
        }

        @ParameterizedTest
        @CsvSource({"ART-1O234, ART-10234, 1", "ART-l5I05, ART-15105, 2", "ART-3O0O1, ART-30001, 2", "ART-4O8O8, ART-40808, 2",
                "ART-1O8B8, ART-10888, 2", "ART-2O1S5, ART-20155, 2", "ART-3|446, ART-31446, 1"})
        void replacesLookAlikeLettersInTheDigitsAndLowersTheConfidence(String read, String expected, int replaced) {
            ProductFields fields = extract(page().line(80, 14, "Art.-Nr.: " + read));

            assertThat(fields.articleNumber()).isEqualTo(expected);
            assertThat(fields.confidence().articleNumber()).isEqualTo(90 - replaced * Confidence.PER_LOOK_ALIKE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ART–10234", "ART—10234", "ART_10234", "ART- 10234"})
        void writesDashVariantsAsAHyphen(String read) {
            assertThat(extract(page().line(80, 14, "Art.-Nr. " + read)).articleNumber()).isEqualTo("ART-10234");
        }

        @Test
        void readsTheValueInTheNextTableCellOnTheSameRow() {
            // Tesseract puts the label column and the value column of a table into separate blocks.
            ProductFields fields = extract(page()
                    .line(20, 26, run(22, "Akku-Bohrschrauber 18 V"))
                    .line(216, 87, run(14, "Artikelnummer"))
                    .line(216, 124, run(13, "EAN"))
                    .line(386, 88, run(13, "30412"))
                    .line(386, 124, run(13, "4006420671956")));

            assertThat(fields.articleNumber()).isEqualTo("30412");
            assertThat(fields.confidence().articleNumber()).isEqualTo(90);
        }

        @Test
        void prefersALabelledValueToAnUnlabelledOne() {
            ProductFields fields = extract(page()
                    .line(40, 14, "Passt zu ART-99999 und ART-88888")
                    .line(80, 14, "Art.-Nr.: ART-10234"));

            assertThat(fields.articleNumber()).isEqualTo("ART-10234");
        }

        @ParameterizedTest
        @ValueSource(strings = {"USB-C Charger 65 W", "FSC-zertifiziertem Teakholz", "Art.-Nr.: folgt", "Item no. BOSS", "ART-BOOKS",
                "Art.-Nr.: ART-lOIO5", "USB-IOS5",
                "Lieferzeit 1-3 Werktage", "EN 388", "SKU: B-12", "Réf. en cours"})
        void findsNothingWhereThereIsNoArticleNumber(String line) {
            ProductFields fields = extract(page().line(80, 14, line));

            assertThat(fields.articleNumber()).isNull();
            assertThat(fields.confidence().articleNumber()).isZero();
        }

        @Test
        void doesNotTakeAnEanForTheArticleNumber() {
            ProductFields fields = extract(page()
                    .line(80, 14, "EAN: 4006822776136")
                    .line(100, 14, "Art.-Nr.: ART-10234"));

            assertThat(fields.articleNumber()).isEqualTo("ART-10234");
            assertThat(fields.ean()).isEqualTo("4006822776136");
        }
    }

    @Nested
    class Price {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "19,99 €      | 19.99   | EUR",
                "19,99€       | 19.99   | EUR",
                "1.299,00 €   | 1299.00 | EUR",
                "1.049,95 €   | 1049.95 | EUR",
                "EUR 1.299,00 | 1299.00 | EUR",
                "EUR 34,50    | 34.50   | EUR",
                "€ 4.50       | 4.50    | EUR",
                "€ 1,249.00   | 1249.00 | EUR",
                "0,99 €       | 0.99    | EUR",
                "€ 24.99      | 24.99   | EUR",
                "1.299 €      | 1299.00 | EUR",
                "12 €         | 12.00   | EUR",
                "59, 90 €     | 59.90   | EUR",
                "$ 12.50      | 12.50   | USD",
                "£9.99        | 9.99    | GBP",
                "CHF 1'249.90 | 1249.90 | CHF",
                "1 234,56 €   | 1234.56 | EUR",
                "€ 1 234,56   | 1234.56 | EUR",
                "1\u202F234,56 € | 1234.56 | EUR",
                "EUR 12,-     | 12.00   | EUR",
                "12,– €       | 12.00   | EUR",
                "1.299,- €    | 1299.00 | EUR"})
        void parsesEveryFormat(String written, String amount, String currency) {
            ProductFields fields = extract(page().line(120, 34, written));

            assertThat(fields.price()).isEqualByComparingTo(amount);
            assertThat(fields.price().scale()).isEqualTo(2);
            assertThat(fields.currency()).isEqualTo(currency);
            assertThat(fields.confidence().price()).isEqualTo(90);
        }

        @Test
        void takesTheTallestPriceNotTheStruckThroughOldOneAfterIt() {
            ProductFields fields = extract(page().line(128, run(31, "54,90 €"), run(18, "69,90 €")));

            assertThat(fields.price()).isEqualByComparingTo("54.90");
        }

        @Test
        void takesTheTallestPriceWhenTheOldOneComesFirst() {
            ProductFields fields = extract(page()
                    .line(106, 14, "statt 99,00 €")
                    .line(151, 40, "79,00 €")
                    .line(209, 12, "Sie sparen 20,00 €"));

            assertThat(fields.price()).isEqualByComparingTo("79.00");
            assertThat(fields.confidence().price()).isEqualTo(90);
        }

        @ParameterizedTest
        @ValueSource(strings = {"statt 99,00 €", "was € 99.00", "UVP 99,00 €", "RRP € 99.00", "bisher 99,00 €", "Sie sparen 99,00 €",
                "Save € 99.00", "Grundpreis: 1 l = 99,00 €", "1 Stück = 99,00 €", "Versand ab 99,00 €",
                "Versandkostenfrei ab 99,00 €", "Free shipping from € 99.00", "Livraison 99,00 €"})
        void neverTakesAPriceMarkedAsOldSavedOrPerUnitOrShippingEvenWhenItIsTaller(String marked) {
            ProductFields fields = extract(page()
                    .line(100, 40, marked)
                    .line(150, 30, "79,00 €"));

            assertThat(fields.price()).isEqualByComparingTo("79.00");
        }

        @ParameterizedTest
        @ValueSource(strings = {"4,99 €/kg", "4,99 € / kg", "0,99 € pro 100 g", "2,49 € per l", "1,20 € je Stück", "$3.99/lb",
                "9,90 €/100 ml", "12,00 € pro m²"})
        void neverTakesAPriceFollowedByAUnitEvenWhenItIsTaller(String perUnit) {
            ProductFields fields = extract(page()
                    .line(100, 40, perUnit)
                    .line(150, 30, "79,00 €"));

            assertThat(fields.price()).isEqualByComparingTo("79.00");
        }

        @Test
        void takesThePriceBeforeAUnitPriceOnTheSameLine() {
            ProductFields fields = extract(page().line(126, 18, "7,49 € 2,99 €/kg"));

            assertThat(fields.price()).isEqualByComparingTo("7.49");
        }

        @ParameterizedTest
        @ValueSource(strings = {"79,00 € pronto", "79,00 € Perlen", "79,00 € jeans", "79,00 € Stückpreis"})
        void aWordThatOnlyStartsLikeAUnitDoesNotMakeAUnitPrice(String line) {
            assertThat(extract(page().line(126, 30, line)).price()).isEqualByComparingTo("79.00");
        }

        @Test
        void skipsTheOldPriceAfterStattInTheSameCell() {
            ProductFields fields = extract(page().line(126, 18, "Preis EUR 22,00 statt EUR 27,50"));

            assertThat(fields.price()).isEqualByComparingTo("22.00");
        }

        @Test
        void takesThePriceAfterJetztWhenTheOldPriceBeforeItWasNotReadAsOne() {
            // The market shop's dark page: the struck-through old price came out as "2458", without its currency.
            ProductFields fields = extract(page().line(126, 18, "statt 2458 jetzt 97, 26 €"));

            assertThat(fields.price()).isEqualByComparingTo("97.26");
            assertThat(fields.previousPrice()).isNull();
        }

        @Test
        void aCurrencyBetweenAStrayWholeNumberAndAWrittenPriceIsThePrices() {
            // "100 g" read as "100 9" right before the price: the CHF is 8.50's, not 9's.
            ProductFields fields = extract(page().line(126, 18, "+ 5 Tafeln a 100 9 CHF 8.50"));

            assertThat(fields.price()).isEqualByComparingTo("8.50");
            assertThat(fields.currency()).isEqualTo("CHF");
        }

        @Test
        void takesTheCurrentPriceAfterStattAndJetztOnOneLine() {
            // issue 15: this line came out as no price at all.
            ProductFields fields = extract(page().line(126, 18, "statt 121,58 € jetzt Preis: 97,26 €"));

            assertThat(fields.price()).isEqualByComparingTo("97.26");
            assertThat(fields.previousPrice()).isEqualByComparingTo("121.58");
        }

        @Test
        void reportsTheOldPriceAfterAnOldPriceWordButNotASavingOrAUnitPrice() {
            ProductFields fields = extract(page()
                    .line(106, 14, "UVP 99,00 €")
                    .line(151, 40, "79,00 €")
                    .line(209, 12, "Sie sparen 20,00 €")
                    .line(230, 10, "Grundpreis: 1 l = 7,90 €"));

            assertThat(fields.price()).isEqualByComparingTo("79.00");
            assertThat(fields.previousPrice()).isEqualByComparingTo("99.00");
            assertThat(extract(page().line(151, 40, "79,00 €").line(209, 12, "Sie sparen 20,00 €")).previousPrice()).isNull();
            // An "old" price below the selling price is no previous price (a misread, or another product's).
            assertThat(extract(page().line(106, 14, "statt 9,00 €").line(151, 40, "79,00 €")).previousPrice()).isNull();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"ab 9,99 €|9.99|ab", "Ab 9,99 €|9.99|Ab", "From $14.50|14.50|From",
                "starting at € 12,00|12.00|starting at", "à partir de 12,00 €|12.00|à partir de", "Preis ab: 7,50 €|7.50|ab",
                "a partir de 12,00 €|12.00|à partir de"})
        void reportsTheWordThatMakesTheSellingPriceAFromPrice(String line, String amount, String prefix) {
            ProductFields fields = extract(page().line(151, 40, line));

            assertThat(fields.price()).isEqualByComparingTo(amount);
            assertThat(fields.pricePrefix()).isEqualTo(prefix);
        }

        @Test
        void aFromWordBeforeAnotherPriceOrInsideAWordIsNoPrefixOfTheSellingPrice() {
            assertThat(extract(page().line(151, 40, "12,99 €").line(209, 12, "Versand ab 50,00 €")).pricePrefix()).isNull();
            assertThat(extract(page().line(151, 40, "Kabel 12,99 €")).pricePrefix()).isNull();
            assertThat(extract(page().line(151, 40, "Pfab 12,99 €")).pricePrefix()).isNull();
            assertThat(extract(page().line(151, 40, "ab 9,99 € statt 12,99 €")).pricePrefix()).isEqualTo("ab");
        }

        @Test
        void aDoubtfullyReadOldPriceIsNoPreviousPrice() {
            // Struck-through digits: Tesseract read "121,58" as "324,58" with confidence 0 (struck.png).
            ProductFields fields = extract(page()
                    .line(106, run(18, 95, "statt"), run(18, 0, "324,58"), run(18, 0, "€"))
                    .line(151, 40, "97,26 €"));

            assertThat(fields.price()).isEqualByComparingTo("97.26");
            assertThat(fields.previousPrice()).isNull();
            assertThat(extract(page().line(106, run(18, 95, "statt"), run(18, 86, "121,58"), run(18, 86, "€"))
                    .line(151, 40, "97,26 €")).previousPrice()).isEqualByComparingTo("121.58");
        }

        @Test
        void findsNoPriceWhenOnlyAnOldPriceWasRead() {
            ProductFields fields = extract(page().line(106, 14, "statt 99,00 €"));

            assertThat(fields.price()).isNull();
            assertThat(fields.currency()).isNull();
            assertThat(fields.confidence().price()).isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Gewicht 1,4 kg", "Maße 200 x 75 x 90 cm", "Drehmoment 60 Nm", "Teekanne Porzellan 1,2 l", "ART 12,00",
                "Save 25%", "inkl. MwSt., zzgl. Versandkosten"})
        void needsACurrencyToCallANumberAPrice(String line) {
            assertThat(extract(page().line(120, 34, line)).price()).isNull();
        }

        @Test
        void givesEachCurrencySymbolToTheAmountItBelongsTo() {
            ProductFields fields = extract(page().line(140, run(34, "€ 29.99"), run(33, "€ 39.99")));

            // Both amounts are prices of almost the same height.
            assertThat(fields.price()).isEqualByComparingTo("29.99");
            assertThat(fields.confidence().price()).isEqualTo(90 - Confidence.AMBIGUOUS);
        }

        @Test
        void trustsAChoiceBetweenTwoPricesOfTheSameHeightLess() {
            ProductFields fields = extract(page()
                    .line(100, 30, "19,99 €")
                    .line(150, 29, "24,99 €"));

            assertThat(fields.price()).isEqualByComparingTo("19.99");
            assertThat(fields.confidence().price()).isEqualTo(90 - Confidence.AMBIGUOUS);
        }
    }

    @Nested
    class Ean {

        @Test
        void readsAnEanWhoseCheckDigitVerifies() {
            ProductFields fields = extract(page().line(200, 12, "EAN: 4006822776136"));

            assertThat(fields.ean()).isEqualTo("4006822776136");
            assertThat(fields.confidence().ean()).isEqualTo(90);
        }

        @ParameterizedTest
        @ValueSource(strings = {"EAN: 4006822776137", "EAN: 4006822776130", "EAN: 400682277613", "EAN: 40068227761360"})
        void refusesAWrongCheckDigitOrLength(String line) {
            ProductFields fields = extract(page().line(200, 12, line));

            assertThat(fields.ean()).isNull();
            assertThat(fields.confidence().ean()).isZero();
        }

        @Test
        void replacesLookAlikesWhenTheCheckDigitThenVerifies() {
            ProductFields fields = extract(page().line(200, 12, "EAN 4OO6822776I36"));

            assertThat(fields.ean()).isEqualTo("4006822776136");
            assertThat(fields.confidence().ean()).isEqualTo(90 - 3 * Confidence.PER_LOOK_ALIKE);
        }

        @Test
        void prefersALabelledEanAndFindsTheLabelInTheCellToTheLeft() {
            ProductFields fields = extract(page()
                    .line(100, 12, "Passend zu 4006607232277")
                    .line(217, 124, run(13, "EAN"))
                    .line(387, 124, run(13, "4006420671956")));

            assertThat(fields.ean()).isEqualTo("4006420671956");
            assertThat(fields.confidence().ean()).isEqualTo(90);
        }

        @Test
        void trustsAnUnlabelledEanLess() {
            ProductFields fields = extract(page().line(200, 12, "4006607232277"));

            assertThat(fields.ean()).isEqualTo("4006607232277");
            assertThat(fields.confidence().ean()).isEqualTo(90 - Confidence.UNLABELLED);
        }
    }

    @Nested
    class Name {

        @Test
        void takesTheTallestLineNearTheTopThatIsNoPriceOrLabel() {
            ProductFields fields = extract(page()
                    .line(41, 14, "Article no. ART-20155")
                    .line(83, 26, "Bluetooth Speaker Mini")
                    .line(140, 34, "€ 29.99")
                    .line(188, 12, "incl. VAT, plus shipping")
                    .line(225, 12, "Pocket-sized speaker with 12 hours of playtime"));

            assertThat(fields.name()).isEqualTo("Bluetooth Speaker Mini");
            assertThat(fields.confidence().name()).isEqualTo(90);
        }

        @Test
        void joinsANameWrappedOverTwoLines() {
            ProductFields fields = extract(page()
                    .line(41, 14, "Article no. ART-21010")
                    .line(83, 26, "Noise-Cancelling Over-Ear Headphones")
                    .line(117, 26, "with Travel Case and Spare Ear Cushions")
                    .line(173, 34, "€ 189.00")
                    .line(221, 12, "incl. VAT, plus shipping"));

            assertThat(fields.name()).isEqualTo("Noise-Cancelling Over-Ear Headphones with Travel Case and Spare Ear Cushions");
        }

        @Test
        void looksOnlyInTheUpperPartOfTheProductArea() {
            ProductFields fields = extract(page()
                    .line(30, 22, "Gartenstuhl Teak")
                    .line(300, 40, "Jetzt kaufen"));

            assertThat(fields.name()).isEqualTo("Gartenstuhl Teak");
        }

        @Test
        void skipsOldPriceLinesWhoseAmountWasNotReadAsAPrice() {
            ProductFields fields = extract(page()
                    .line(106, 16, "statt EYR-449-98")
                    .line(151, 40, "EUR 399,00"));

            assertThat(fields.name()).isNull();
            assertThat(fields.confidence().name()).isZero();
        }

        @Test
        void dropsSpecksAndFaintWordsAroundTheName() {
            ProductFields fields = extract(page().line(30,
                    run(2, 20, "f"), run(23, "Messerblock mit 6 Messern"), run(22, 12, "~")));

            assertThat(fields.name()).isEqualTo("Messerblock mit 6 Messern");
        }

        @ParameterizedTest
        @CsvSource(delimiterString = "->", value = {
                "LED Desk Lamp ,,Arc“        -> LED Desk Lamp „Arc“",
                "Kompressor 50 |             -> Kompressor 50 l",
                "— Gartenstuhl Teak •        -> Gartenstuhl Teak",
                "Schraubendreher-Set 12-tlg. -> Schraubendreher-Set 12-tlg."})
        void cleansWhatTesseractReadsIntoNames(String read, String cleaned) {
            assertThat(extract(page().line(30, 26, read)).name()).isEqualTo(cleaned);
        }

        @Test
        void averagesTheWordConfidences() {
            ProductFields fields = extract(page().line(30, run(26, 80, "Vogelhaus"), run(26, 100, "Kiefer")));

            assertThat(fields.confidence().name()).isEqualTo(90);
        }
    }

    @Test
    void reportsEveryFieldOfACompletePage() {
        ProductFields fields = extract(page()
                .line(30, 29, "Emaille-Kochtopf 24 cm")
                .line(78, 14, "Art.-Nr.: ART-10234")
                .line(128, 31, "39,99 €")
                .line(175, 11, "inkl. MwSt., zzgl. Versandkosten")
                .line(204, 12, "EAN: 4006822776136"));

        assertThat(fields).isEqualTo(new ProductFields("ART-10234", "Emaille-Kochtopf 24 cm", new BigDecimal("39.99"), "EUR",
                "4006822776136", new FieldConfidence(90, 90, 90, 90)));
    }

    @Test
    void reportsNothingForAnEmptyPage() {
        assertThat(extract(page())).isEqualTo(new ProductFields(null, null, null, null, null, new FieldConfidence(0, 0, 0, 0)));
    }
}
