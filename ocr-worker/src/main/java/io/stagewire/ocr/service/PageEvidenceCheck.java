package io.stagewire.ocr.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.stagewire.events.work.PageEvidence;

/**
 * The OCR reading set against what the product page states (the crawler's {@link PageEvidence}). A field both
 * give alike is more certain: its confidence c becomes 100 - (100 - c) / 4. A field they give differently is
 * reported as a disagreement and left as read: the label shows what the shop displays, and the user reviews it.
 * Only the EAN, which the label prints as a barcode and matching uses, is taken from the page when OCR found
 * none (a GTIN of 8, 12, 13 or 14 digits), and says so.
 */
public final class PageEvidenceCheck {

    /** A field OCR read and the page stated differently; either side may be null (not found there). */
    public record Disagreement(String field, String read, String stated) {
    }

    /** The fields after the check, and what it found. */
    public record Checked(ProductFields fields, PageEvidence evidence, List<String> agreements,
            List<Disagreement> disagreements, List<String> filledFromPage) {
    }

    private PageEvidenceCheck() {
    }

    public static Checked check(ProductFields read, PageEvidence page) {
        if (page == null) {
            return new Checked(read, null, List.of(), List.of(), List.of());
        }
        List<String> agreements = new ArrayList<>();
        List<Disagreement> disagreements = new ArrayList<>();
        List<String> filled = new ArrayList<>();
        FieldConfidence c = read.confidence();

        boolean priceAgrees = compare("price", read.price() == null ? null : read.price().toPlainString(), page.price(),
                PageEvidenceCheck::samePrice, agreements, disagreements);
        compare("currency", read.currency(), page.currency(), String::equalsIgnoreCase, agreements, disagreements);
        boolean articleAgrees = compare("articleNumber", read.articleNumber(), page.sku(),
                (a, b) -> alphanumeric(a).equals(alphanumeric(b)), agreements, disagreements);
        boolean nameAgrees = compare("name", read.name(), page.name(), PageEvidenceCheck::similarNames, agreements,
                disagreements);
        String ean = read.ean();
        boolean eanAgrees = false;
        if (ean == null && page.gtin() != null && page.gtin().matches("\\d{8}|\\d{12,14}")) {
            ean = page.gtin();
            filled.add("ean");
        } else {
            eanAgrees = compare("ean", read.ean(), page.gtin(), (a, b) -> gtin(a).equals(gtin(b)), agreements,
                    disagreements);
        }
        FieldConfidence confidence = new FieldConfidence(raise(c.articleNumber(), articleAgrees),
                raise(c.name(), nameAgrees), raise(c.price(), priceAgrees), raise(c.ean(), eanAgrees));
        ProductFields fields = new ProductFields(read.articleNumber(), read.name(), read.price(), read.currency(), ean,
                confidence, read.previousPrice(), read.pricePrefix());
        return new Checked(fields, page, List.copyOf(agreements), List.copyOf(disagreements), List.copyOf(filled));
    }

    private interface Same {
        boolean test(String read, String stated);
    }

    /** True when both sides have the field and it agrees; a disagreement when they differ or only one has it. */
    private static boolean compare(String field, String read, String stated, Same same, List<String> agreements,
            List<Disagreement> disagreements) {
        if (read == null && stated == null) {
            return false;
        }
        if (read != null && stated != null && same.test(read, stated)) {
            agreements.add(field);
            return true;
        }
        if (stated != null) {
            // Only what the page states counts against the reading; a field the page is silent about is no evidence.
            disagreements.add(new Disagreement(field, read, stated));
        }
        return false;
    }

    static int raise(int confidence, boolean agreed) {
        return agreed ? 100 - (100 - confidence) / 4 : confidence;
    }

    private static boolean samePrice(String read, String stated) {
        try {
            return new BigDecimal(read).compareTo(new BigDecimal(stated)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String alphanumeric(String text) {
        return text.replaceAll("[^\\p{Alnum}]", "").toUpperCase(Locale.ROOT);
    }

    private static String gtin(String digits) {
        return digits.replaceAll("\\D", "").replaceFirst("^0+", "");
    }

    /** One name contains the other, or half their words are shared: shops shorten names in their markup. */
    static boolean similarNames(String read, String stated) {
        String a = read.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        String b = stated.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.contains(b) || b.contains(a)) {
            return true;
        }
        Set<String> wordsA = new HashSet<>(Arrays.asList(a.split(" ")));
        Set<String> wordsB = new HashSet<>(Arrays.asList(b.split(" ")));
        Set<String> shared = new HashSet<>(wordsA);
        shared.retainAll(wordsB);
        Set<String> all = new HashSet<>(wordsA);
        all.addAll(wordsB);
        return shared.size() * 2 >= all.size();
    }
}
