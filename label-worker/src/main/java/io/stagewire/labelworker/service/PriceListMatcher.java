package io.stagewire.labelworker.service;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

import io.stagewire.labelworker.domain.MatchResult;
import io.stagewire.labelworker.domain.MatchResult.Failed;
import io.stagewire.labelworker.domain.MatchResult.Found;
import io.stagewire.labelworker.domain.MatchResult.Reason;
import io.stagewire.labelworker.domain.MatchedBy;
import io.stagewire.labelworker.domain.OcrReading;
import io.stagewire.labelworker.domain.PriceListRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the price-list row for an OCR reading, most certain way first: the exact article number; the EAN; the
 * article number with OCR look-alikes folded; one or two edits away from exactly one row. When several rows are
 * equally close, the product name may pick one by a clear margin; otherwise the result is ambiguous ("needs
 * review"), never a guess. Every key is indexed once when the matcher is built, so the usual lookups are hash
 * lookups; only a reading that matches no key is compared with the rows of about its length. An instance is
 * immutable and can be shared by all threads working on one price list.
 */
public final class PriceListMatcher {
    private static final LevenshteinDistance EDIT_DISTANCE = LevenshteinDistance.getDefaultInstance();
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);
    private static final LevenshteinDistance TWO_EDITS = new LevenshteinDistance(2);

    // How sure each way is (the event's confidence): two readings agreeing exactly, an EAN (checksummed), a fold of
    // known OCR confusions, then edits that could also be another article's number.
    static final double CONFIDENCE_EXACT = 1.0;
    static final double CONFIDENCE_EAN = 0.98;
    static final double CONFIDENCE_TOLERANT = 0.9;
    static final double CONFIDENCE_ONE_EDIT = 0.75;
    static final double CONFIDENCE_TWO_EDITS = 0.6;
    /** A name decides between equally close rows when it is this similar, and this much more than the next row. */
    static final double NAME_MIN_SIMILARITY = 0.5;
    static final double NAME_MARGIN = 0.2;
    /** Folded keys shorter than this get no edit: one edit changes too much of a short number. */
    static final int MIN_KEY_FOR_ONE_EDIT = 5;
    static final int MIN_KEY_FOR_TWO_EDITS = 10;

    private record Keyed(String foldedKey, PriceListRow row) {
    }

    private final int rowCount;
    private final Map<String, List<PriceListRow>> byExactKey;
    private final Map<String, List<PriceListRow>> byFoldedKey;
    private final Map<String, List<PriceListRow>> byEan;
    private final Map<Integer, List<Keyed>> byFoldedLength;

    private PriceListMatcher(List<PriceListRow> rows) {
        this.rowCount = rows.size();
        this.byExactKey = index(rows, row -> ArticleNumberKeys.exact(row.articleNumber()));
        this.byFoldedKey = index(rows, row -> ArticleNumberKeys.folded(row.articleNumber()));
        this.byEan = index(rows.stream().filter(row -> !eanKey(row.ean()).isEmpty()).toList(), row -> eanKey(row.ean()));
        this.byFoldedLength = rows.stream().map(row -> new Keyed(ArticleNumberKeys.folded(row.articleNumber()), row))
                .collect(groupingBy(keyed -> keyed.foldedKey().length(), toList()));
    }

    /** Indexes the rows; rows that are equal in every field count once. */
    public static PriceListMatcher of(Collection<PriceListRow> rows) {
        return new PriceListMatcher(rows.stream().distinct().toList());
    }

    public int rowCount() {
        return rowCount;
    }

    public MatchResult match(OcrReading reading) {
        String read = reading.articleNumber();
        String exactKey = ArticleNumberKeys.exact(read);
        if (!exactKey.isEmpty()) {
            List<PriceListRow> exact = byExactKey.get(exactKey);
            if (exact != null) {
                return exact.size() == 1 ? found(exact.getFirst(), MatchedBy.EXACT, CONFIDENCE_EXACT, reading)
                        : ambiguous(read, exact);
            }
        }
        List<PriceListRow> byItsEan = byEan.getOrDefault(eanKey(reading.ean()), List.of());
        if (!byItsEan.isEmpty()) {
            return byItsEan.size() == 1 ? found(byItsEan.getFirst(), MatchedBy.EAN, CONFIDENCE_EAN, reading)
                    : ambiguous(read, byItsEan);
        }
        if (exactKey.isEmpty()) {
            return new Failed(Reason.NO_ARTICLE_NUMBER, "no article number was read", read, List.of());
        }
        String foldedKey = ArticleNumberKeys.folded(read);
        List<PriceListRow> folded = byFoldedKey.get(foldedKey);
        if (folded != null) {
            List<PriceListRow> nearest = nearest(exactKey, folded);
            return decide(reading, nearest, MatchedBy.TOLERANT, CONFIDENCE_TOLERANT);
        }
        int maxEdits = foldedKey.length() >= MIN_KEY_FOR_TWO_EDITS ? 2 : foldedKey.length() >= MIN_KEY_FOR_ONE_EDIT ? 1 : 0;
        TreeMap<Integer, List<PriceListRow>> byEdits = withinEdits(foldedKey, maxEdits);
        if (byEdits.isEmpty()) {
            return new Failed(Reason.NO_ROW, "no price-list row for article number '" + read.strip() + "' among "
                    + rowCount + " rows", read, List.of());
        }
        int edits = byEdits.firstKey();
        MatchResult decided = decide(reading, byEdits.firstEntry().getValue(), MatchedBy.EDIT_DISTANCE,
                edits == 1 ? CONFIDENCE_ONE_EDIT : CONFIDENCE_TWO_EDITS);
        // An article one or two characters from the read one may be that article misread, or the neighbour of an
        // article the list does not have: only the name or the price can tell. Unconfirmed, it is for review.
        if (decided instanceof Found found && found.matchedBy() == MatchedBy.EDIT_DISTANCE && !confirms(reading, found.row())) {
            return new Failed(Reason.AMBIGUOUS, "needs review: '" + read.strip() + "' is " + edits + " character"
                    + (edits == 1 ? "" : "s") + " from '" + found.row().articleNumber().strip()
                    + "', and neither the name nor the price read confirms it", read, List.of(found.row()));
        }
        return decided;
    }

    /**
     * The row the job's owner chose in review: the article number they set, exactly (trimmed, case and white space
     * folded), nothing forgiven; {@code reading} is what OCR read, for the shop price and the record.
     */
    public MatchResult matchChosen(String articleNumber, OcrReading reading) {
        String exactKey = ArticleNumberKeys.exact(articleNumber);
        List<PriceListRow> exact = exactKey.isEmpty() ? null : byExactKey.get(exactKey);
        if (exact == null) {
            return new Failed(Reason.NO_ROW, "no price-list row for the article number '"
                    + (articleNumber == null ? "" : articleNumber.strip()) + "' chosen in review", reading.articleNumber(), List.of());
        }
        return exact.size() == 1 ? found(exact.getFirst(), MatchedBy.MANUAL, CONFIDENCE_EXACT, reading)
                : ambiguous(articleNumber, exact);
    }

    /** The name read is like the row's, or the price read is the row's price. */
    private static boolean confirms(OcrReading reading, PriceListRow row) {
        boolean samePrice = reading.price() != null && reading.price().compareTo(row.price()) == 0
                && (reading.currency() == null || reading.currency().strip().equalsIgnoreCase(row.currency().strip()));
        return samePrice || nameSimilarity(reading.name(), row.name()) >= NAME_MIN_SIMILARITY;
    }

    /** One article among the closest rows wins; several are told apart by name, or are ambiguous. */
    private MatchResult decide(OcrReading reading, List<PriceListRow> closest, MatchedBy way, double confidence) {
        if (closest.size() == 1) {
            return found(closest.getFirst(), way, confidence, reading);
        }
        boolean oneArticle = closest.stream().map(row -> ArticleNumberKeys.exact(row.articleNumber())).distinct().count() == 1;
        if (!oneArticle && reading.name() != null && !reading.name().isBlank()) {
            List<PriceListRow> bySimilarity = closest.stream()
                    .sorted(Comparator.comparingDouble((PriceListRow row) -> nameSimilarity(reading.name(), row.name())).reversed())
                    .toList();
            double best = nameSimilarity(reading.name(), bySimilarity.get(0).name());
            double next = nameSimilarity(reading.name(), bySimilarity.get(1).name());
            if (best >= NAME_MIN_SIMILARITY && best - next >= NAME_MARGIN) {
                return found(bySimilarity.getFirst(), MatchedBy.NAME, confidence * 0.8, reading);
            }
        }
        return ambiguous(reading.articleNumber(), closest);
    }

    /** Rows whose folded key is at most {@code maxEdits} edits from {@code foldedKey}, by their number of edits. */
    private TreeMap<Integer, List<PriceListRow>> withinEdits(String foldedKey, int maxEdits) {
        TreeMap<Integer, List<PriceListRow>> byEdits = new TreeMap<>();
        if (maxEdits == 0) {
            return byEdits;
        }
        LevenshteinDistance bounded = maxEdits == 1 ? ONE_EDIT : TWO_EDITS;
        for (int length = foldedKey.length() - maxEdits; length <= foldedKey.length() + maxEdits; length++) {
            for (Keyed keyed : byFoldedLength.getOrDefault(length, List.of())) {
                int edits = bounded.apply(foldedKey, keyed.foldedKey());
                if (edits > 0) {
                    byEdits.computeIfAbsent(edits, e -> new ArrayList<>()).add(keyed.row());
                }
            }
        }
        return byEdits;
    }

    /** The candidates at the smallest edit distance from what was read: several when tied. */
    private static List<PriceListRow> nearest(String exactKey, List<PriceListRow> candidates) {
        Map<Integer, List<PriceListRow>> byDistance = candidates.stream().collect(groupingBy(
                row -> EDIT_DISTANCE.apply(exactKey, ArticleNumberKeys.exact(row.articleNumber())), toList()));
        return byDistance.keySet().stream().min(Comparator.naturalOrder()).map(byDistance::get).orElse(List.of());
    }

    /**
     * The mean of two word overlaps, case and punctuation ignored: shared over the shorter name (a name read in full
     * inside a longer list name counts) and shared over all words (Jaccard, which tells the closer of two apart);
     * 0 for no name.
     */
    static double nameSimilarity(String read, String listed) {
        Set<String> a = words(read);
        Set<String> b = words(listed);
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return ((double) shared.size() / Math.min(a.size(), b.size()) + (double) shared.size() / all.size()) / 2;
    }

    private static Set<String> words(String text) {
        if (text == null) {
            return Set.of();
        }
        return new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ")))
                .stream().filter(word -> !word.isEmpty()).collect(java.util.stream.Collectors.toSet());
    }

    /** The digits of an EAN/GTIN without leading zeros (a GTIN-14 of an EAN-13 has one more); empty unless 8-14 digits. */
    private static String eanKey(String ean) {
        if (ean == null) {
            return "";
        }
        String digits = ean.replaceAll("\\D", "");
        return digits.length() >= 8 && digits.length() <= 14 ? digits.replaceFirst("^0+", "") : "";
    }

    private static Found found(PriceListRow row, MatchedBy matchedBy, double confidence, OcrReading reading) {
        BigDecimal shopPrice = reading.price();
        boolean comparable = shopPrice != null
                && (reading.currency() == null || reading.currency().strip().equalsIgnoreCase(row.currency().strip()));
        return new Found(row, matchedBy, reading.articleNumber(), shopPrice,
                comparable ? shopPrice.subtract(row.price()) : null, confidence);
    }

    private static Failed ambiguous(String read, List<PriceListRow> rows) {
        List<String> numbers = rows.stream().map(row -> "'" + row.articleNumber().strip() + "'").distinct().toList();
        String message = numbers.size() == 1
                ? "ambiguous: the price list has " + rows.size() + " different rows for article number " + numbers.getFirst()
                : "ambiguous: '" + (read == null ? "" : read.strip()) + "' is equally close to "
                        + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and " + numbers.getLast();
        return new Failed(Reason.AMBIGUOUS, message, read, rows);
    }

    private static Map<String, List<PriceListRow>> index(List<PriceListRow> rows, Function<PriceListRow, String> key) {
        return rows.stream().collect(groupingBy(key, toList()));
    }
}
