package io.stagewire.jobapi.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewire.events.StageEvent;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobKind;
import io.stagewire.jobapi.persistence.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;

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
        ObjectNode data = event.data();
        OffsetDateTime now = OffsetDateTime.now();
        switch (event.type()) {
            case JOB_UPDATED -> {
                JobStatus.fromWireName(data.path("status").asText()).filter(s -> !s.isTerminal())
                        .ifPresent(status -> enter(job, status, now));
                job.stage = data.path("stage").asText(data.path("status").asText(job.stage));
            }
            case JOB_PROGRESS -> {
                job.progress = data.path("progress").decimalValue().min(HUNDRED).setScale(2, RoundingMode.DOWN);
                if (data.hasNonNull("stage")) {
                    job.stage = data.path("stage").asText();
                }
            }
            case QUEUE_POSITION -> job.queuePosition = data.path("position").asInt();
            case JOB_COMPLETED -> {
                enter(job, JobStatus.COMPLETED, now);
                job.progress = HUNDRED.setScale(2);
                job.summary = data;
            }
            case JOB_FAILED -> {
                enter(job, JobStatus.FAILED, now);
                job.failureReason = data.path("reason").asText();
            }
            case JOB_CANCELLED -> enter(job, JobStatus.CANCELLED, now);
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
