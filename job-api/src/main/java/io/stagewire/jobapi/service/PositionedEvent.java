package io.stagewire.jobapi.service;

import io.stagewire.events.EventPosition;
import io.stagewire.events.StageEvent;

/** A stage event with where it sits on job.events. */
public record PositionedEvent(StageEvent event, EventPosition position) {

    /** An event job-api will not record, and why: it goes to the dead-letter topic with that reason. */
    public record Rejected(PositionedEvent event, String reason) {
    }
}
