package io.stagewire.jobapi.service;

import io.stagewire.events.StageEvent;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobKind;
import io.stagewire.jobapi.persistence.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import io.stagewire.events.data.EventData;
import io.stagewire.events.data.JobCancelled;
import io.stagewire.events.data.JobCompleted;
import io.stagewire.events.data.JobFailed;
import io.stagewire.events.data.JobProgress;
import io.stagewire.events.data.JobUpdated;
import io.stagewire.events.data.QueuePosition;

/**
 * Jobs of other systems, first seen on job.events. They report their own status and progress
 * with job:* events; job-api records them (history, ownership, a snapshot) and derives nothing.
 */
@ApplicationScoped
public class ExternalJobs {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A job row for an id job-api has not seen, owned by the event's userid and bound to its source. */
    public Job firstSeen(StageEvent event) {
        OffsetDateTime now = OffsetDateTime.now();
        Job job = new Job();
        job.id = event.jobId();
        job.userId = event.userId();
        job.kind = JobKind.EXTERNAL;
        job.source = event.source();
        job.status = JobStatus.PENDING;
        job.stage = JobStatus.PENDING.stage().orElseThrow();
        job.statusSince = now;
        job.createdAt = now;
        job.updatedAt = now;
        return job;
    }

    /** Takes over what the other system says about its job; a finished job stays finished. */
    public void apply(Job job, StageEvent event) {
        if (job.status.isTerminal()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        switch (EventData.of(event)) {
            case JobUpdated updated -> {
                JobStatus.fromWireName(updated.status()).filter(s -> !s.isTerminal())
                        .ifPresent(status -> enter(job, status, now));
                job.stage = updated.stage() != null ? updated.stage() : updated.status();
            }
            case JobProgress progress -> {
                job.progress = progress.progress().min(HUNDRED).setScale(2, RoundingMode.DOWN);
                if (progress.stage() != null) {
                    job.stage = progress.stage();
                }
            }
            case QueuePosition position -> job.queuePosition = position.position();
            case JobCompleted completed -> {
                enter(job, JobStatus.COMPLETED, now);
                job.progress = HUNDRED.setScale(2);
                // What the other system sent, its own fields too.
                job.summary = event.data();
            }
            case JobFailed failed -> {
                enter(job, JobStatus.FAILED, now);
                job.failureReason = failed.reason();
            }
            case JobCancelled cancelled -> enter(job, JobStatus.CANCELLED, now);
            default -> job.workStarted = true;
        }
        job.updatedAt = now;
    }

    private static void enter(Job job, JobStatus status, OffsetDateTime now) {
        job.status = status;
        status.stage().ifPresent(stage -> job.stage = stage);
        job.statusSince = now;
        if (status.isTerminal()) {
            job.finishedAt = now;
            job.queuePosition = null;
        }
    }
}
