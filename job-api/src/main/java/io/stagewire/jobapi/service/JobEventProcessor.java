package io.stagewire.jobapi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.EventPosition;
import io.stagewire.events.InvalidStageEventException;
import io.stagewire.events.StageEvent;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import io.smallrye.faulttolerance.api.BeforeRetry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.stagewire.jobapi.persistence.DatabaseOutage;
import org.eclipse.microprofile.faulttolerance.Retry;
import io.stagewire.events.data.CrawlCompleted;
import io.stagewire.events.data.CrawlFailed;
import io.stagewire.events.data.EventData;

/**
 * Applies a batch of stage events from job.events (what one poll returned) in one transaction:
 * the batch's jobs are read and locked with one query, events that may not write to their job are
 * rejected, the others join the history with one statement, and those not recorded before update
 * their job in order; each job is written once, at commit. A redelivered batch, or part of one,
 * changes nothing: the history already holds its events (source and id).
 */
@ApplicationScoped
public class JobEventProcessor {
    private static final Uni<Void> DONE = Uni.createFrom().voidItem();
    private final JobEventHistory history;
    private final ItemRecorder items;
    private final JobTransitions transitions;
    private final ExternalJobs externalJobs;
    private final JobOwnership ownership;

    JobEventProcessor(JobEventHistory history, ItemRecorder items, JobTransitions transitions, ExternalJobs externalJobs,
                      JobOwnership ownership) {
        this.history = history;
        this.items = items;
        this.transitions = transitions;
        this.externalJobs = externalJobs;
        this.ownership = ownership;
    }

    /** Applies the events in order; returns those rejected, with their reasons, for the dead-letter topic. */
    // Postgres unreachable, or the batch a deadlock victim: the whole batch is tried again, for as long as that takes
    // (docs/reliability.md) — these events are fine, and a dead letter would lose them. A refusal is not retried.
    @Retry(maxRetries = -1, maxDuration = 0, delay = 200, jitter = 100)
    @ExponentialBackoff(maxDelay = 5_000)
    @RetryWhen(exception = DatabaseOutage.class)
    @BeforeRetry(DatabaseOutageLog.class)
    public Uni<List<PositionedEvent.Rejected>> process(List<PositionedEvent> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(batch.stream().map(p -> p.event().jobId()).toList()));
        return Panache.withTransaction(() -> Job.<Job>find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(found -> {
                    Map<String, Job> jobs = new HashMap<>();
                    found.forEach(job -> jobs.put(job.id, job));
                    List<Job> created = new ArrayList<>();
                    List<PositionedEvent> accepted = new ArrayList<>();
                    List<PositionedEvent.Rejected> rejected = new ArrayList<>();
                    for (PositionedEvent p : batch) {
                        String reason = JobEventHistory.unstorable(p.event()).orElse(null);
                        if (reason == null) {
                            Job job = jobs.computeIfAbsent(p.event().jobId(), id -> {
                                Job first = externalJobs.firstSeen(p.event());
                                created.add(first);
                                return first;
                            });
                            try {
                                ownership.check(job, p.event());
                            } catch (InvalidStageEventException e) {
                                reason = e.getMessage();
                            }
                        }
                        if (reason == null) {
                            accepted.add(p);
                        } else {
                            rejected.add(new PositionedEvent.Rejected(p, reason));
                        }
                    }
                    return (created.isEmpty() ? Uni.createFrom().voidItem() : Job.persist(created).call(Panache::flush))
                            .chain(() -> history.recordNew(accepted, id -> jobs.get(id).kind == JobKind.EXTERNAL))
                            .chain(fresh -> applyInOrder(fresh, jobs))
                            .replaceWith(rejected);
                }));
    }

    /**
     * Applies the events in order. Most change only their job, in memory (external jobs, job-level
     * events, our own announcements coming back); only those that need the database (items,
     * transitions of our jobs) make the next one wait, so a batch costs no reactive step per event.
     */
    private Uni<Void> applyInOrder(List<PositionedEvent> fresh, Map<String, Job> jobs) {
        Iterator<PositionedEvent> events = fresh.iterator();
        // Pulled lazily, one wait at a time: the events after a wait are applied once it is over.
        Iterable<Uni<Void>> waits = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return events.hasNext();
            }

            @Override
            public Uni<Void> next() {
                while (events.hasNext()) {
                    PositionedEvent p = events.next();
                    Uni<Void> wait = apply(jobs.get(p.event().jobId()), p.event(), p.position());
                    if (wait != null) {
                        return wait;
                    }
                }
                return DONE;
            }
        };
        return Multi.createFrom().iterable(waits).onItem().transformToUniAndConcatenate(wait -> wait).collect().last().replaceWithVoid();
    }

    /** Applies one event: null when it is applied already (in memory), else what it still waits for. */
    private Uni<Void> apply(Job job, StageEvent event, EventPosition position) {
        job.advanceTo(position);
        if (Outbox.SOURCE.equals(event.source())) {
            // Our own announcements come back with their positions; they were derived from state we already have.
            return null;
        }
        if (job.kind == JobKind.EXTERNAL) {
            externalJobs.apply(job, event);
            return ItemRecorder.isItem(event.type()) ? items.record(event) : null;
        }
        return switch (event.type()) {
            // Only job-api decides about its own jobs: job-level events of others are history only.
            case JOB_CREATED, JOB_UPDATED, JOB_PROGRESS, JOB_COMPLETED, JOB_FAILED, JOB_CANCELLED, QUEUE_POSITION,
                 SYSTEM_NOTIFICATION -> null;
            case CRAWL_FAILED -> {
                job.workStarted = true;
                yield job.status.isTerminal() ? null : transitions.fail(job, "crawl failed: " + EventData.as(event, CrawlFailed.class).reason());
            }
            case CRAWL_COMPLETED -> {
                job.workStarted = true;
                job.itemsFinal = true;
                job.expectedItems = EventData.as(event, CrawlCompleted.class).count();
                yield transitions.reconcile(job);
            }
            default -> {
                job.workStarted = true;
                yield items.record(event).chain(() -> transitions.reconcile(job));
            }
        };
    }
}
