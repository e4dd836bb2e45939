package io.stagewire.jobapi.persistence;

import com.fasterxml.jackson.annotation.JsonValue;

/** How one OCR result fared against the price list (match:found or match:failed). */
public enum MatchStatus implements WireNamed {
    MATCHED, UNMATCHED;

    @JsonValue
    @Override
    public String wireName() {
        return name().toLowerCase();
    }
}
