package io.stagewire.jobapi.persistence;

import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class JobStatusConverter extends WireNameConverter<JobStatus> {
    public JobStatusConverter() {
        super(JobStatus.class);
    }
}
