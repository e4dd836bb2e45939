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
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the price-list row for an OCR reading: by exact article number first, then tolerant of
 * OCR confusions. Both keys are indexed once when the matcher is built, so each lookup is a hash
 * lookup; an instance is immutable and can be shared by all threads working on one price list.
 */
public final class PriceListMatcher {
    private static final LevenshteinDistance EDIT_DISTANCE = LevenshteinDistance.getDefaultInstance();

    private final int rowCount;
    private final Map<String, List<PriceListRow>> byExactKey;
    private final Map<String, List<PriceListRow>> byFoldedKey;

    private PriceListMatcher(List<PriceListRow> rows) {
        this.rowCount = rows.size();
        this.byExactKey = index(rows, ArticleNumberKeys::exact);
        this.byFoldedKey = index(rows, ArticleNumberKeys::folded);
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
        if (exactKey.isEmpty()) {
            return new Failed(Reason.NO_ARTICLE_NUMBER, "no article number was read", read, List.of());
        }
        List<PriceListRow> exact = byExactKey.get(exactKey);
        if (exact != null) {
            return exact.size() == 1
                    ? found(exact.getFirst(), MatchedBy.EXACT, reading)
                    : ambiguous(read, exact);
        }
        List<PriceListRow> nearest = nearest(exactKey, byFoldedKey.getOrDefault(ArticleNumberKeys.folded(read), List.of()));
        if (nearest.isEmpty()) {
            return new Failed(Reason.NO_ROW, "no price-list row for article number '" + read.strip() + "' among "
                    + rowCount + " rows", read, List.of());
        }
        return nearest.size() == 1
                ? found(nearest.getFirst(), MatchedBy.TOLERANT, reading)
                : ambiguous(read, nearest);
    }

    /** The candidates at the smallest edit distance from what was read: several when tied. */
    private static List<PriceListRow> nearest(String exactKey, List<PriceListRow> candidates) {
        Map<Integer, List<PriceListRow>> byDistance = candidates.stream().collect(groupingBy(
                row -> EDIT_DISTANCE.apply(exactKey, ArticleNumberKeys.exact(row.articleNumber())), toList()));
        return byDistance.keySet().stream().min(Comparator.naturalOrder()).map(byDistance::get).orElse(List.of());
    }

    private static Found found(PriceListRow row, MatchedBy matchedBy, OcrReading reading) {
        BigDecimal shopPrice = reading.price();
        boolean comparable = shopPrice != null
                && (reading.currency() == null || reading.currency().strip().equalsIgnoreCase(row.currency().strip()));
        return new Found(row, matchedBy, reading.articleNumber(), shopPrice,
                comparable ? shopPrice.subtract(row.price()) : null);
    }

    private static Failed ambiguous(String read, List<PriceListRow> rows) {
        List<String> numbers = rows.stream().map(row -> "'" + row.articleNumber().strip() + "'").distinct().toList();
        String message = numbers.size() == 1
                ? "ambiguous: the price list has " + rows.size() + " different rows for article number " + numbers.getFirst()
                : "ambiguous: '" + read.strip() + "' is equally close to "
                        + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and " + numbers.getLast();
        return new Failed(Reason.AMBIGUOUS, message, read, rows);
    }

    private static Map<String, List<PriceListRow>> index(List<PriceListRow> rows, Function<String, String> key) {
        return rows.stream().collect(groupingBy(row -> key.apply(row.articleNumber()), toList()));
    }
}
