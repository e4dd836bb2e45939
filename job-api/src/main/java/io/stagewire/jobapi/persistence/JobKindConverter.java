package io.stagewire.jobapi.persistence;

import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class JobKindConverter extends WireNameConverter<JobKind> {
    public JobKindConverter() {
        super(JobKind.class);
    }
}
