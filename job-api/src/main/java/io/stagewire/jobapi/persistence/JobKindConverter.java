package io.stagewire.jobapi.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class JobKindConverter implements AttributeConverter<JobKind, String> {
    @Override
    public String convertToDatabaseColumn(JobKind kind) {
        return kind == null ? null : kind.wireName();
    }

    @Override
    public JobKind convertToEntityAttribute(String name) {
        return name == null ? null : JobKind.valueOf(name.toUpperCase());
    }
}
