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
 * <li>the value after a label ({@link #LABEL}: "Art.-Nr.", "Artikel-Nr.", "Artikelnummer", "Bestell-Nr.",
 *     "Article no.", "Item no.", "SKU", "Réf."), on the same line or, when the label ends its line (a
 *     table), the nearest words to its right on the same row. The value is a code as shops write them: groups of
 *     digits and of up to 5 capitals joined by hyphens ({@code ART-12345}, {@code NH40817}, {@code 88-40215},
 *     {@code 40-118-07}, {@code KM-5120-S}, {@code TR-0093-X}) or by single spaces before a group of digits
 *     ({@code FR 20455}, {@code 82 19 440}); it holds at least 3 digits;</li>
 * <li>anywhere, a prefixed number: 2–5 capitals, a hyphen, 4–12 digits, perhaps a short suffix
 *     ({@code ART-12345}, {@code KM-5120-S}).</li>
 * </ol>
 * In each group of digits, look-alike letters become digits ({@link LookAlikeDigits}); each such fix costs
 * confidence, as does a number without a label. Dash variants become a hyphen, runs of spaces one space.
 */
final class ArticleNumberReader {
    static final Pattern LABEL = Pattern.compile(
            "(?iu)(?<!\\p{L})(?:art(?:ikel)?\\.?\\h?-?\\h?nr|artikel\\h?-?\\h?nummer|best(?:ell)?\\.?\\h?-?\\h?nr"
                    + "|bestellnummer|article\\h?(?:no|nr|number)|item\\h?(?:no|nr|number)|sku|r[ée]f(?:[ée]rence)?)"
                    + "(?!\\p{L})\\.?\\h?[:#]?");
    private static final String DASH = "[-‐‑–—_]";
    private static final String DIGITS = LookAlikeDigits.CHARACTER_CLASS;
    /** A group of digits (look-alikes allowed) that holds at least one real digit. */
    private static final String DIGIT_GROUP = "(?=" + DIGITS + "*\\d)" + DIGITS + "{1,12}";
    /**
     * A value right after a label: a code of groups (see the class comment). A group joined by a space holds only
     * digits and no more than 5, and is no price's integer part ({@code 12,99}), so that neither an EAN nor a price
     * on the same line is taken into the code.
     */
    private static final Pattern LABELLED_VALUE = Pattern.compile(
            "\\h*(?<code>(?:[A-Z]{0,5}" + DIGIT_GROUP + "|[A-Z]{1,5}(?=\\h?" + DASH + "?\\h?" + DIGITS + "*\\d))"
                    + "(?:\\h?" + DASH + "\\h?(?:" + DIGIT_GROUP + "|[A-Z]{1,3}(?!\\p{L}))"
                    + "|\\h(?=" + DIGITS + "*\\d)" + DIGITS + "{1,5}(?![\\p{L}\\d]|[,.']\\d))*)(?![\\p{L}\\d])");
    /** A value anywhere: prefix, hyphen, digits, perhaps a short suffix ({@code KM-5120-S}). */
    static final Pattern PREFIXED = Pattern.compile(
            "(?<![\\p{L}\\d])(?<code>[A-Z]{2,5}" + DASH + DIGITS + "{4,12}(?:" + DASH + "[A-Z0-9]{1,3})?)(?![\\p{L}\\d])");
    /** One group of a code and the separator before it. */
    // Letters end in one that is no look-alike of a digit, so "ART-I5105" keeps its 1 and "NH40817" its prefix.
    private static final Pattern GROUP = Pattern.compile("(?<separator>\\h*" + DASH + "\\h*|\\h+)?"
            + "(?<letters>(?:[A-Z]*[A-Z&&[^IOSB]])?)(?<digits>" + DIGITS + "*)");
    private static final int MIN_DIGITS = 3;
    /** Words of a value in a table cell at most ("82 19 440" is three). */
    private static final int MAX_VALUE_WORDS = 4;

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

    /** A table: the value is in the next cell, the first words right of the label on its row. */
    private static Optional<Reading<String>> valueRightOf(RecognizedPage page, Word label) {
        List<Word> right = page.wordsRightOf(label.box());
        List<Word> cell = right.subList(0, Math.min(right.size(), MAX_VALUE_WORDS));
        String text = String.join(" ", cell.stream().map(Word::text).toList());
        Matcher value = LABELLED_VALUE.matcher(text);
        if (cell.isEmpty() || !value.lookingAt()) {
            return Optional.empty();
        }
        List<Word> used = new ArrayList<>();
        int end = 0;
        for (Word word : cell) {
            if (end >= value.end()) {
                break;
            }
            used.add(word);
            end += word.text().length() + 1;
        }
        return reading(value, used, 0);
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
        return normalised(value.group("code")).map(code -> new Reading<>(code.text(),
                Confidence.of(words, penalty + code.replaced() * Confidence.PER_LOOK_ALIKE)));
    }

    /** The code as it is written: hyphens for dashes, one space for spaces, look-alikes in digit groups fixed. */
    static Optional<Code> normalised(String code) {
        StringBuilder text = new StringBuilder(code.length());
        int replaced = 0;
        int digits = 0;
        Matcher group = GROUP.matcher(code.strip());
        while (group.find() && group.end() > group.start()) {
            String separator = group.group("separator");
            if (separator != null) {
                text.append(separator.isBlank() ? " " : "-");
            }
            String letters = group.group("letters");
            String number = group.group("digits");
            // A group of look-alikes only ("-B", "-SO") is letters: a suffix, not a misread number.
            if (!number.isEmpty() && number.chars().noneMatch(Character::isDigit)) {
                letters += number;
                number = "";
            }
            text.append(letters.toUpperCase(Locale.ROOT));
            if (!number.isEmpty()) {
                Optional<LookAlikeDigits.Fixed> fixed = LookAlikeDigits.fix(number);
                if (fixed.isEmpty()) {
                    return Optional.empty();
                }
                text.append(fixed.get().digits());
                replaced += fixed.get().replaced();
                digits += fixed.get().digits().length();
            }
        }
        return digits >= MIN_DIGITS ? Optional.of(new Code(text.toString(), replaced)) : Optional.empty();
    }

    /** @param replaced look-alike letters read in place of digits */
    record Code(String text, int replaced) {
    }
}
