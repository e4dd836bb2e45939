package io.stagewire.jobapi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.EventPosition;
import io.stagewire.events.InvalidStageEventException;
import io.stagewire.events.StageEvent;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Applies one stage event from job.events, in one transaction: the event joins the job's history
 * and, if it was not recorded before, updates the job and writes the events that announce the
 * change into the outbox. A redelivered event (same source and id) changes nothing.
 */
@ApplicationScoped
public class JobEventProcessor {
    private final JobEventHistory history;
    private final ItemRecorder items;
    private final JobTransitions transitions;
    private final ExternalJobs externalJobs;
    private final JobOwnership ownership;

    JobEventProcessor(JobEventHistory history, ItemRecorder items, JobTransitions transitions, ExternalJobs externalJobs,
                      JobOwnership ownership) {
        this.ownership = ownership;
        this.history = history;
        this.items = items;
        this.transitions = transitions;
        this.externalJobs = externalJobs;
    }

    // A lost connection or a deadlock victim is worth another try; an invalid event never is.
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = InvalidStageEventException.class)
    public Uni<Void> process(StageEvent event, EventPosition position) {
        return Panache.withTransaction(() -> Job.<Job>findById(event.jobId(), LockModeType.PESSIMISTIC_WRITE)
                .chain(job -> job != null ? Uni.createFrom().item(job) : externalJobs.firstSeen(event))
                .invoke(job -> ownership.check(job, event))
                .chain(job -> history.record(event, position)
                        .chain(recorded -> recorded ? apply(job, event, position) : Uni.createFrom().voidItem())));
    }

    private Uni<Void> apply(Job job, StageEvent event, EventPosition position) {
        job.advanceTo(position);
        if (Outbox.SOURCE.equals(event.source())) {
            // Our own announcements come back with their positions; they were derived from state we already have.
            return Uni.createFrom().voidItem();
        }
        if (job.kind == JobKind.EXTERNAL) {
            externalJobs.apply(job, event);
            return items.record(event);
        }
        return switch (event.type()) {
            // Only job-api decides about its own jobs: job-level events of others are history only.
            case JOB_CREATED, JOB_UPDATED, JOB_PROGRESS, JOB_COMPLETED, JOB_FAILED, JOB_CANCELLED, QUEUE_POSITION,
                 SYSTEM_NOTIFICATION -> Uni.createFrom().voidItem();
            case CRAWL_FAILED -> {
                job.workStarted = true;
                yield job.status.isTerminal() ? Uni.createFrom().voidItem()
                        : transitions.fail(job, "crawl failed: " + event.field("reason").asText());
            }
            case CRAWL_COMPLETED -> {
                job.workStarted = true;
                job.itemsFinal = true;
                job.expectedItems = event.field("count").asInt();
                yield transitions.reconcile(job);
            }
            default -> {
                job.workStarted = true;
                yield items.record(event).chain(() -> transitions.reconcile(job));
            }
        };
    }
}
