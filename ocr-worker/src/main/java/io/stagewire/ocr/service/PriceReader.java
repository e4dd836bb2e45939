package io.stagewire.ocr.service;

import io.stagewire.ocr.engine.RecognizedPage;
import io.stagewire.ocr.engine.TextLine;
import io.stagewire.ocr.engine.Word;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the selling price: of all prices on the page, the one written in the tallest glyphs.
 * Shops print the price a customer pays largest; struck-through old prices, unit prices and
 * savings are smaller. Tesseract cannot see a strike-through, so a price after a word that marks
 * it as something else ({@link #NOT_SELLING_PRICE}) never counts, however large.
 */
final class PriceReader {
    /**
     * Marks the next price on the line as not the selling price: an old price ("statt", "was",
     * "UVP", ...), a saving ("Sie sparen", "Save"), a unit price ("Grundpreis", "1 l = ...") or a shipping cost
     * ("Versand ab 4,95 €", "free shipping from $50", "livraison 4,90 €").
     */
    static final Pattern NOT_SELLING_PRICE = Pattern.compile(
            "(?iu)(?<!\\p{L})(?:statt|was|uvp|rrp|msrp|bisher|vorher|instead of|sparen|save|ersparnis|grundpreis|base price|unit price"
                    + "|versand\\p{L}*|liefer(?:ung|kosten|geb(?:ü|u)hr)|porto|shipping|delivery|postage|livraison|frais de port)(?!\\p{L})|=");
    /** Words that announce the current price after an old one: "statt 9,99 € jetzt 7,49 €", "was $20 now $15". */
    static final Pattern NOW = Pattern.compile("(?iu)(?<!\\p{L})(?:jetzt|nur noch|now|only|maintenant|désormais|seulement)(?!\\p{L})");
    /** Of those, the words that mark an old price (what the customer would have paid), not a saving or a unit price. */
    static final Pattern OLD_PRICE = Pattern.compile(
            "(?iu)(?<!\\p{L})(?:statt|was|uvp|rrp|msrp|bisher|vorher|instead of)(?!\\p{L})");
    /**
     * A unit written after the amount makes it a unit price: "4,99 €/kg", "0,99 € pro 100 g", "2,49 € per l",
     * "1,20 € je Stück", "$3.99/lb". Checked on the text right after the price, up to the next price.
     */
    static final Pattern PER_UNIT_AFTER = Pattern.compile(
            "(?iu)^\\s*(?:/|\\bpro\\b|\\bper\\b|\\bje\\b)\\s*(?:\\d+(?:[.,]\\d+)?\\s*)?"
                    + "(?:kg|g|mg|l|ml|cl|m|m2|m²|qm|cm|lb|lbs|oz|st(?:ü|u)ck|stk|st|piece|pc|pcs|unit|liter|litre|kilo)(?!\\p{L})");
    /**
     * A word right before a price that makes it a from-price, the lowest of several (sizes, variants): "ab 9,99 €",
     * "from $14.50", "à partir de 12 €". Group 1 is the word as written, reported beside the price.
     */
    static final Pattern FROM_PRICE = Pattern.compile(
            "(?iu)(?<!\\p{L})(ab|from|starting at|à partir de|a partir de|desde|vanaf|a partire da)\\s*:?\\s*$");
    /** Tesseract's confidence below which an old price's digits are not trusted (struck-through digits are misread). */
    static final int MIN_PREVIOUS_PRICE_CONFIDENCE = 85;
    /** Two prices whose heights differ by less than this share are too close to call with certainty. */
    private static final double SAME_HEIGHT = 0.1;

    private record Candidate(Price price, int height, List<Word> words, String prefix) {
        int confidence(int penalty) {
            return Confidence.of(words, penalty);
        }
    }

    /**
     * The selling price as read, and the word before it that makes it a from-price ("ab", "from") as written, null
     * for a plain price.
     */
    record SellingPrice(Reading<Price> reading, String prefix) {
    }

    Optional<SellingPrice> read(RecognizedPage page) {
        return read(page, false);
    }

    /**
     * @param centsWritten only amounts written with their cents ("8.50", "12,-") count: on a page read a second time,
     *        flattened, large raised cents come apart ("7⁴⁹ €" as "7" and "49 €") and a stray digit before a currency
     *        ("100 g CHF" as "100 9 CHF") would make a whole amount that is no price
     */
    Optional<SellingPrice> read(RecognizedPage page, boolean centsWritten) {
        List<Candidate> candidates = new ArrayList<>();
        for (TextLine line : page.lines()) {
            candidates.addAll(sellingPriceCandidates(line, centsWritten));
        }
        candidates.sort(Comparator.comparingInt(Candidate::height).thenComparingInt((Candidate c) -> c.confidence(0)).reversed());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Candidate tallest = candidates.getFirst();
        boolean ambiguous = candidates.stream().skip(1)
                .anyMatch(other -> other.height() >= tallest.height() * (1 - SAME_HEIGHT) && !other.price().equals(tallest.price()));
        return Optional.of(new SellingPrice(new Reading<>(tallest.price(), tallest.confidence(ambiguous ? Confidence.AMBIGUOUS : 0)),
                tallest.prefix()));
    }

    /**
     * The old price shown beside the selling price: the tallest price right after an old-price word ("statt 121,58 €",
     * "UVP 99,00 €"), when it is higher than the selling price, in its currency, and read with confidence. An old
     * price is usually struck through, and the line through its digits makes Tesseract misread them ("121,58" came
     * out "324,58" at confidence 0): a label that printed that would be wrong, so a doubtful one is no previous price.
     */
    Optional<Price> previous(RecognizedPage page, Price selling) {
        Candidate tallest = null;
        for (TextLine line : page.lines()) {
            int previousEnd = 0;
            for (PriceText.Found found : PriceText.findAll(line.text())) {
                String before = line.text().substring(previousEnd, found.start());
                previousEnd = found.end();
                if (!OLD_PRICE.matcher(before).find()) {
                    continue;
                }
                int height = line.wordsCovering(found.amountStart(), found.amountEnd()).stream()
                        .mapToInt(word -> word.box().height()).max().orElse(0);
                if (tallest == null || height > tallest.height()) {
                    tallest = new Candidate(found.price(), height, line.wordsCovering(found.amountStart(), found.amountEnd()), null);
                }
            }
        }
        return Optional.ofNullable(tallest)
                .filter(old -> old.words().stream().allMatch(word -> word.confidence() >= MIN_PREVIOUS_PRICE_CONFIDENCE))
                .map(Candidate::price)
                .filter(old -> old.currency().equals(selling.currency()) && old.amount().compareTo(selling.amount()) > 0);
    }

    private static List<Candidate> sellingPriceCandidates(TextLine line, boolean centsWritten) {
        List<Candidate> candidates = new ArrayList<>();
        List<PriceText.Found> prices = PriceText.findAll(line.text());
        int previousEnd = 0;
        for (int i = 0; i < prices.size(); i++) {
            PriceText.Found found = prices.get(i);
            String before = line.text().substring(previousEnd, found.start());
            previousEnd = found.end();
            int nextStart = i + 1 < prices.size() ? prices.get(i + 1).start() : line.text().length();
            if (NOT_SELLING_PRICE.matcher(afterLastNow(before)).find() || isUnitPrice(line.text().substring(found.end(), nextStart))
                    || centsWritten && !PriceText.writtenWithCents(line.text().substring(found.amountStart(), found.amountEnd()))) {
                continue;
            }
            int height = line.wordsCovering(found.amountStart(), found.amountEnd()).stream()
                    .mapToInt(word -> word.box().height()).max().orElse(0);
            Matcher from = FROM_PRICE.matcher(before);
            candidates.add(new Candidate(found.price(), height, line.wordsCovering(found.start(), found.end()),
                    from.find() ? asWritten(from.group(1)) : null));
        }
        return candidates;
    }

    /**
     * The text after the last word that announces the current price ("statt 121,58 € jetzt 97,26 €"): an old-price
     * word before it is about an earlier amount, also when that amount was not read as a price ("statt 2458 jetzt").
     */
    private static String afterLastNow(String before) {
        Matcher now = NOW.matcher(before);
        int end = 0;
        while (now.find()) {
            end = now.end();
        }
        return before.substring(end);
    }

    /** Tesseract reads "à partir de" without its accent more often than not; the shop wrote it with one. */
    private static String asWritten(String fromWord) {
        return fromWord.equals("a partir de") ? "à partir de" : fromWord.equals("A partir de") ? "À partir de" : fromWord;
    }

    private static boolean isUnitPrice(String after) {
        return PER_UNIT_AFTER.matcher(after).find();
    }
}
