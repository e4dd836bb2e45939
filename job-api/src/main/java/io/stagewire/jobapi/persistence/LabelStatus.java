package io.stagewire.jobapi.persistence;

import com.fasterxml.jackson.annotation.JsonValue;

/** How one label ended (label:generated or label:failed). */
public enum LabelStatus implements WireNamed {
    GENERATED, FAILED;

    @JsonValue
    @Override
    public String wireName() {
        return name().toLowerCase();
    }
}
