package io.stagewire.jobapi.service;

import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import io.stagewire.events.data.JobCancelled;
import io.stagewire.events.data.JobCompleted;
import io.stagewire.events.data.JobFailed;
import io.stagewire.events.data.JobProgress;
import io.stagewire.events.data.JobUpdated;

/**
 * Moves a job between statuses and announces it: job:updated on a stage change, job:progress
 * (throttled), and job:completed, job:failed or job:cancelled at the end. Events go through the
 * outbox, in the transaction that changed the job.
 */
@ApplicationScoped
public class JobTransitions {
    private final Outbox outbox;
    private final ItemCounter counter;
    private final ProgressThrottle throttle;

    JobTransitions(Outbox outbox, ItemCounter counter, ProgressThrottle throttle) {
        this.outbox = outbox;
        this.counter = counter;
        this.throttle = throttle;
    }

    /** Brings one of our jobs (crawl or extraction) in line with its items. The job must be locked. */
    public Uni<Void> reconcile(Job job) {
        if (job.status.isTerminal()) {
            return Uni.createFrom().voidItem();
        }
        return counter.count(job.id).chain(counts -> {
            OffsetDateTime now = OffsetDateTime.now();
            JobLifecycle.Inputs in = new JobLifecycle.Inputs(job.kind, job.workStarted, job.itemsFinal, job.expectedItems, counts);
            JobStatus candidate = JobLifecycle.statusOf(in);
            JobStatus next = candidate.isTerminal() ? candidate : job.status.atLeast(candidate);
            BigDecimal computed = next == JobStatus.COMPLETED ? BigDecimal.valueOf(100).setScale(2) : JobLifecycle.progressOf(in);
            // Progress never goes back, even when a late count makes the estimate smaller.
            job.progress = computed.max(job.progress);
            job.counters = counts.asMap();
            job.updatedAt = now;
            if (next == job.status) {
                return throttle.shouldEmit(job.progressEmitted, job.progressEmittedAt, job.progress, now)
                        ? progress(job, counts, in, now) : Uni.createFrom().voidItem();
            }
            JobStatus previous = enter(job, next, now);
            return switch (next) {
                case COMPLETED -> progress(job, counts, in, now).chain(() -> completed(job, counts, in, now));
                case FAILED -> failed(job, JobLifecycle.failureOf(in).orElse("failed"));
                default -> outbox.event(job.id, job.userId,
                                new JobUpdated(next.wireName(), job.stage, previous.wireName()))
                        .chain(() -> progress(job, counts, in, now));
            };
        });
    }

    /** Sends job:progress with the job's current value if the throttle lets it through; for the trailing flush. */
    public Uni<Void> flushProgress(Job job) {
        OffsetDateTime now = OffsetDateTime.now();
        if (job.status.isTerminal() || !throttle.intervalPassed(job.progressEmittedAt, now)) {
            return Uni.createFrom().voidItem();
        }
        return counter.count(job.id).chain(counts -> progress(job, counts,
                new JobLifecycle.Inputs(job.kind, job.workStarted, job.itemsFinal, job.expectedItems, counts), now));
    }

    /** Ends the job as failed with {@code reason}. The job must be locked and not terminal. */
    public Uni<Void> fail(Job job, String reason) {
        OffsetDateTime now = OffsetDateTime.now();
        enter(job, JobStatus.FAILED, now);
        return failed(job, reason);
    }

    /** Ends the job as cancelled; its last event. The job must be locked and not terminal. */
    public Uni<Void> cancel(Job job, String cancelledBy) {
        OffsetDateTime now = OffsetDateTime.now();
        enter(job, JobStatus.CANCELLED, now);
        return outbox.event(job.id, job.userId, new JobCancelled("cancelled by " + cancelledBy, cancelledBy));
    }

    /** Reopens a finished job for retried items: back to the status its items say, announced as job:updated. */
    public Uni<Void> reopen(Job job, JobStatus status) {
        OffsetDateTime now = OffsetDateTime.now();
        JobStatus previous = job.status;
        job.finishedAt = null;
        job.summary = null;
        job.failureReason = null;
        enter(job, status, now);
        return outbox.event(job.id, job.userId, new JobUpdated(status.wireName(), job.stage, previous.wireName()));
    }

    /** Sets the new status and stage, adds the time spent in the old one; returns the old one. */
    private static JobStatus enter(Job job, JobStatus next, OffsetDateTime now) {
        JobStatus previous = job.status;
        Map<String, Long> durations = new LinkedHashMap<>(job.stageDurations);
        durations.merge(previous.wireName(), Math.max(0, Duration.between(job.statusSince, now).toMillis()), Long::sum);
        job.stageDurations = durations;
        job.status = next;
        next.stage().ifPresent(stage -> job.stage = stage);
        job.statusSince = now;
        job.updatedAt = now;
        if (next != JobStatus.PENDING) {
            job.queuePosition = null;
        }
        if (next.isTerminal()) {
            job.finishedAt = now;
        }
        return previous;
    }

    private Uni<Void> progress(Job job, ItemCounts counts, JobLifecycle.Inputs in, OffsetDateTime now) {
        if (job.progressEmitted != null && job.progressEmitted.compareTo(job.progress) == 0) {
            return Uni.createFrom().voidItem();
        }
        job.progressEmitted = job.progress;
        job.progressEmittedAt = now;
        JobProgress data = new JobProgress(job.progress, job.stage, itemsThrough(job, counts), in.items(), counts.asMap());
        return outbox.event(job.id, job.userId, data, now);
    }

    private Uni<Void> completed(Job job, ItemCounts counts, JobLifecycle.Inputs in, OffsetDateTime now) {
        JobCompleted summary = new JobCompleted(in.items(), counts.ocrCompleted(), counts.ocrFailed(), counts.matched(),
                counts.unmatched(), counts.labelsGenerated(), Math.max(0, Duration.between(job.createdAt, now).toMillis()),
                job.stageDurations);
        job.summary = summary.toJson();
        return outbox.event(job.id, job.userId, summary);
    }

    private Uni<Void> failed(Job job, String reason) {
        job.failureReason = reason;
        return outbox.event(job.id, job.userId, new JobFailed(reason, job.stage));
    }

    /** Items that went as far as they will: rendered, or dropped out at OCR or matching. */
    private static int itemsThrough(Job job, ItemCounts c) {
        return switch (job.kind) {
            case EXTRACTION -> c.ocrDone();
            default -> c.labelsDone() + c.ocrFailed() + c.unmatched();
        };
    }
}
