package io.stagewire.jobapi.persistence;

import com.fasterxml.jackson.annotation.JsonValue;

/** How OCR of one screenshot ended (ocr:completed or ocr:failed). */
public enum OcrStatus implements WireNamed {
    COMPLETED, FAILED;

    @JsonValue
    @Override
    public String wireName() {
        return name().toLowerCase();
    }
}
