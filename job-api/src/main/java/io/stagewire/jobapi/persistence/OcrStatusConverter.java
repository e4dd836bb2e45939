package io.stagewire.jobapi.persistence;

import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class OcrStatusConverter extends WireNameConverter<OcrStatus> {
    public OcrStatusConverter() {
        super(OcrStatus.class);
    }
}
