package io.stagewire.labelworker.messaging;

import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;
import io.stagewire.testing.TopicTail;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Reads job.events from the moment it is created, without a consumer group, and keeps each job's events. */
final class JobEventsTail implements AutoCloseable {
    private final TopicTail<StageEvent> tail = new TopicTail<>(Topics.JOB_EVENTS, StageEventCodec::validEvent, StageEvent::jobId);

    /** Waits until the job's events satisfy {@code done}; returns them all. */
    List<StageEvent> await(String jobId, Predicate<List<StageEvent>> done, Duration timeout) {
        return tail.await(jobId, done, timeout);
    }

    /** Every event of the job read within {@code period}: for asserting that nothing more comes. */
    List<StageEvent> during(String jobId, Duration period) {
        return tail.during(jobId, period);
    }

    @Override
    public void close() {
        tail.close();
    }
}
