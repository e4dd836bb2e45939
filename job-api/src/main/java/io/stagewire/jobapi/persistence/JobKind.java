package io.stagewire.jobapi.persistence;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a job came to be: a crawl or an extraction created here, or a job of another system seen on job.events. */
public enum JobKind implements WireNamed {
    CRAWL, EXTRACTION, EXTERNAL;

    @JsonValue
    @Override
    public String wireName() {
        return name().toLowerCase();
    }
}
