package io.stagewire.labelworker.domain;

import java.util.Locale;

/** How an OCR article number found its price-list row; {@link #wireName()} is the event's {@code matchedBy}. */
public enum MatchedBy {
    /** Equal after trimming, folding case and runs of white space. */
    EXACT,
    /** Equal only after folding OCR confusions (O/0, I/1/l, S/5, B/8, Z/2, G/6) and dropping separators. */
    TOLERANT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
