package io.stagewire.jobapi.persistence;

import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class LabelStatusConverter extends WireNameConverter<LabelStatus> {
    public LabelStatusConverter() {
        super(LabelStatus.class);
    }
}
