package io.stagewire.jobapi.persistence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A job's status, in the order a job moves through them. Non-terminal statuses only move
 * forward (a late event cannot move a job back); a job ends in exactly one terminal status.
 */
public enum JobStatus implements WireNamed {
    PENDING("pending", "queue"),
    CRAWLING("crawling", "crawl"),
    PROCESSING_OCR("processing-ocr", "ocr"),
    MATCHING("matching", "match"),
    RENDERING("rendering", "render"),
    COMPLETED("completed", "done"),
    FAILED("failed", null),
    CANCELLED("cancelled", null);

    private final String wireName;
    private final String stage;

    JobStatus(String wireName, String stage) {
        this.wireName = wireName;
        this.stage = stage;
    }

    @JsonValue
    @Override
    public String wireName() {
        return wireName;
    }

    /** The pipeline stage this status stands for; failed and cancelled keep the stage they stopped in. */
    public Optional<String> stage() {
        return Optional.ofNullable(stage);
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** The later of two non-terminal statuses. */
    public JobStatus atLeast(JobStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The statuses a list filter names: one status, or {@code active} for every status not yet final. */
    public static Optional<Set<JobStatus>> filterFor(String name) {
        if ("active".equals(name)) {
            return Optional.of(Arrays.stream(values()).filter(s -> !s.isTerminal())
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(JobStatus.class))));
        }
        return fromWireName(name).map(EnumSet::of);
    }

    public static Optional<JobStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
