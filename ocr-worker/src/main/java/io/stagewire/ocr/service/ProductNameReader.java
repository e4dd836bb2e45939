package io.stagewire.ocr.service;

import io.stagewire.ocr.engine.RecognizedPage;
import io.stagewire.ocr.engine.TextLine;
import io.stagewire.ocr.engine.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the product name: the line with the tallest glyphs in the upper part of the product area
 * that is not a price, an article number, an EAN or their labels, joined with the lines it wraps
 * onto. Names are the weakest field: light text on dark bands is sometimes not read at all.
 */
final class ProductNameReader {
    /** The name starts in this upper share of the screenshot. */
    private static final double UPPER_SHARE = 0.4;
    /** Words below this Tesseract confidence are specks and picture edges, not text. */
    private static final float MIN_WORD_CONFIDENCE = 30;
    private static final int MIN_LETTERS = 3;
    /** A wrapped line continues the name when its glyphs are within this share of the first line's height. */
    private static final double SAME_SIZE = 0.25;
    private static final int MAX_LINES = 3;
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern STANDALONE_BAR = Pattern.compile("(?<=\\s)\\|(?=\\s|$)");
    private static final Pattern EDGE_NOISE = Pattern.compile("^[^\\p{L}\\p{N}„“\"'(]+|[^\\p{L}\\p{N}“\"').]+$");

    Optional<Reading<String>> read(RecognizedPage page) {
        List<TextLine> candidates = page.lines().stream()
                .map(ProductNameReader::withoutSpecks)
                .flatMap(Optional::stream)
                .filter(ProductNameReader::mayBeName)
                .toList();
        int upperPart = (int) (page.height() * UPPER_SHARE);
        return candidates.stream()
                .filter(line -> line.box().top() <= upperPart)
                .max(Comparator.comparingInt(TextLine::glyphHeight).thenComparing(line -> -line.box().top()))
                .map(first -> withWrappedLines(first, candidates))
                .map(ProductNameReader::reading)
                .filter(reading -> !reading.value().isEmpty());
    }

    /** The line without words that are too faint or too small to be part of it, if any are left. */
    private static Optional<TextLine> withoutSpecks(TextLine line) {
        int height = line.glyphHeight();
        List<Word> words = line.words().stream()
                .filter(word -> word.confidence() >= MIN_WORD_CONFIDENCE && word.box().height() * 2 >= height)
                .toList();
        return words.isEmpty() ? Optional.empty() : Optional.of(new TextLine(words));
    }

    private static boolean mayBeName(TextLine line) {
        String text = line.text();
        return LETTER.matcher(text).results().count() >= MIN_LETTERS
                && PriceText.findAll(text).isEmpty()
                && !PriceReader.NOT_SELLING_PRICE.matcher(text).find()
                && !ArticleNumberReader.mentions(text)
                && !EanReader.mentions(text);
    }

    /** The first line and those right below it, left-aligned with it and of its size: a name wrapped over several lines. */
    private static List<TextLine> withWrappedLines(TextLine first, List<TextLine> candidates) {
        List<TextLine> name = new ArrayList<>(List.of(first));
        int height = first.glyphHeight();
        while (name.size() < MAX_LINES) {
            TextLine last = name.getLast();
            Optional<TextLine> next = candidates.stream()
                    .filter(line -> line.box().top() >= last.box().bottom() - height / 4
                            && line.box().top() - last.box().bottom() <= height
                            && Math.abs(line.box().left() - first.box().left()) <= height
                            && Math.abs(line.glyphHeight() - height) <= height * SAME_SIZE)
                    .min(Comparator.comparingInt(line -> line.box().top()));
            if (next.isEmpty()) {
                break;
            }
            name.add(next.get());
        }
        return name;
    }

    private static Reading<String> reading(List<TextLine> lines) {
        String text = String.join(" ", lines.stream().map(TextLine::text).toList());
        List<Word> words = lines.stream().flatMap(line -> line.words().stream()).toList();
        return new Reading<>(clean(text), Confidence.of(words, 0));
    }

    /**
     * Tesseract reads the German low quote „ as two commas, and a lone l (litre) as |; stray
     * punctuation at either end is noise.
     */
    static String clean(String name) {
        String cleaned = STANDALONE_BAR.matcher(name.replace(",,", "„")).replaceAll("l").replaceAll("\\s+", " ").strip();
        return EDGE_NOISE.matcher(cleaned).replaceAll("");
    }
}
