package io.stagewire.labelworker.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The outcome of matching one OCR reading against a price list: {@code match:found} or {@code match:failed}. */
public sealed interface MatchResult {

    /** The article number as OCR read it (null when none was read). */
    String ocrArticleNumber();

    /**
     * A price-list row was found.
     *
     * @param shopPrice the price OCR read on the shop page, or null
     * @param priceDifference shop price minus list price; null when the shop price is unknown or in
     *                        another currency than the list's
     * @param confidence how sure the match is, 0-1: 1 for exact, less the more the reading had to be forgiven
     */
    record Found(PriceListRow row, MatchedBy matchedBy, String ocrArticleNumber, BigDecimal shopPrice,
                 BigDecimal priceDifference, double confidence) implements MatchResult {
        public Found {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(matchedBy, "matchedBy");
        }

        public boolean priceDiffers() {
            return priceDifference != null && priceDifference.signum() != 0;
        }
    }

    /**
     * No single row was found.
     *
     * @param reason what kind of failure, for counting
     * @param message a sentence for the {@code match:failed} event, naming the article numbers involved
     * @param candidates the rows that tied when ambiguous, else empty
     */
    record Failed(Reason reason, String message, String ocrArticleNumber, List<PriceListRow> candidates)
            implements MatchResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            candidates = List.copyOf(candidates);
        }
    }

    enum Reason {
        NO_ARTICLE_NUMBER,
        NO_ROW,
        AMBIGUOUS;

        /** The event's {@code failure}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
