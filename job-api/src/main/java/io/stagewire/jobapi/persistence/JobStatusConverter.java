package io.stagewire.jobapi.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status by its wire name, so the database reads like the API. */
@Converter(autoApply = true)
public class JobStatusConverter implements AttributeConverter<JobStatus, String> {
    @Override
    public String convertToDatabaseColumn(JobStatus status) {
        return status == null ? null : status.wireName();
    }

    @Override
    public JobStatus convertToEntityAttribute(String name) {
        return name == null ? null : JobStatus.fromWireName(name)
                .orElseThrow(() -> new IllegalStateException("unknown job status in database: " + name));
    }
}
