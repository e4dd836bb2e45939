package io.stagewire.ocr.service;

import io.stagewire.ocr.engine.RecognizedPage;
import io.stagewire.ocr.engine.TextLine;
import io.stagewire.ocr.engine.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the article number. In order of preference:
 * <ol>
 * <li>the value after a label ({@link #LABEL}: "Art.-Nr.", "Artikel-Nr.", "Artikelnummer",
 *     "Article no.", "Item no.", "SKU"), on the same line or, when the label ends its line (a
 *     table), the nearest word to its right on the same row. The value may be a prefixed number
 *     ({@code ART-12345}, {@code ABC-12345}, {@code ART12345}) or plain digits ({@code 12345});</li>
 * <li>anywhere, a prefixed number: 2–5 capitals, a hyphen, 4–12 digits ({@code ART-12345}).</li>
 * </ol>
 * In the digits, look-alike letters become digits ({@link LookAlikeDigits}); each such fix costs
 * confidence, as does a number without a label. Dash variants become a hyphen.
 */
final class ArticleNumberReader {
    static final Pattern LABEL = Pattern.compile(
            "(?iu)(?<!\\p{L})(?:art(?:ikel)?\\.?\\h?-?\\h?nr|artikel\\h?-?\\h?nummer|article\\h?(?:no|nr|number)|item\\h?(?:no|nr|number)|sku)(?!\\p{L})\\.?\\h?[:#]?");
    private static final String DASH = "[-‐‑–—_]";
    private static final String DIGITS = LookAlikeDigits.CHARACTER_CLASS;
    /** A value right after a label: optional prefix, then digits. */
    private static final Pattern LABELLED_VALUE = Pattern.compile(
            "\\h*(?<prefix>[A-Z]{1,5})?(?<dash>\\h?" + DASH + "\\h?)?(?<digits>" + DIGITS + "{3,12})(?![\\p{L}\\d])");
    /** A value anywhere: prefix, hyphen, digits. */
    static final Pattern PREFIXED = Pattern.compile(
            "(?<![\\p{L}\\d])(?<prefix>[A-Z]{2,5})(?<dash>" + DASH + ")(?<digits>" + DIGITS + "{4,12})(?![\\p{L}\\d])");

    Optional<Reading<String>> read(RecognizedPage page) {
        return labelled(page).or(() -> unlabelled(page));
    }

    /** Whether a line holds an article number or its label, and so is not the product name. */
    static boolean mentions(String text) {
        return LABEL.matcher(text).find() || PREFIXED.matcher(text).find();
    }

    private static Optional<Reading<String>> labelled(RecognizedPage page) {
        for (TextLine line : page.lines()) {
            Matcher label = LABEL.matcher(line.text());
            while (label.find()) {
                Optional<Reading<String>> value = label.end() < line.text().length()
                        ? valueOnLine(line, label.end())
                        : valueRightOf(page, line.wordsCovering(label.start(), label.end()).getLast());
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Reading<String>> valueOnLine(TextLine line, int from) {
        Matcher value = LABELLED_VALUE.matcher(line.text()).region(from, line.text().length());
        if (!value.lookingAt()) {
            return Optional.empty();
        }
        return reading(value, line.wordsCovering(value.start(), value.end()), 0);
    }

    private static Optional<Reading<String>> valueRightOf(RecognizedPage page, Word label) {
        List<Word> right = page.wordsRightOf(label.box());
        if (right.isEmpty()) {
            return Optional.empty();
        }
        Word word = right.getFirst();
        Matcher value = LABELLED_VALUE.matcher(word.text());
        return value.matches() ? reading(value, List.of(word), 0) : Optional.empty();
    }

    private static Optional<Reading<String>> unlabelled(RecognizedPage page) {
        for (TextLine line : page.lines()) {
            Matcher value = PREFIXED.matcher(line.text());
            while (value.find()) {
                Optional<Reading<String>> reading = reading(value, line.wordsCovering(value.start(), value.end()), Confidence.UNLABELLED);
                if (reading.isPresent()) {
                    return reading;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Reading<String>> reading(Matcher value, List<Word> words, int penalty) {
        String prefix = value.group("prefix") == null ? "" : value.group("prefix").toUpperCase(Locale.ROOT);
        String dash = value.group("dash") == null || prefix.isEmpty() ? "" : "-";
        return LookAlikeDigits.fix(value.group("digits")).map(fixed -> new Reading<>(prefix + dash + fixed.digits(),
                Confidence.of(words, penalty + fixed.replaced() * Confidence.PER_LOOK_ALIKE)));
    }
}
