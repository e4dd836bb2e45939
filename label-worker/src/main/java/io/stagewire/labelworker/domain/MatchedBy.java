package io.stagewire.labelworker.domain;

import java.util.Locale;

/** How an OCR article number found its price-list row; {@link #wireName()} is the event's {@code matchedBy}. */
public enum MatchedBy {
    /** Equal after trimming, folding case and runs of white space. */
    EXACT,
    /** Equal only after folding OCR look-alikes (O/0/D/Q, I/1/l, S/5, B/8, Z/2, G/6, T/F/7) and dropping separators. */
    TOLERANT,
    /** The EAN/GTIN read (or stated by the product page) equals the row's, and no article number decided. */
    EAN,
    /** One or two characters away (after folding) from exactly one row, with every other row farther. */
    EDIT_DISTANCE,
    /** Several rows equally close by article number; the product name picked one of them by a clear margin. */
    NAME,
    /** The job's owner chose the row in review (issue 15, item 5); matched exactly on the article number they set. */
    MANUAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
