package io.stagewire.jobapi.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobKind;
import io.stagewire.jobapi.persistence.JobStatus;
import io.stagewire.jobapi.service.JobTransitions;
import io.stagewire.jobapi.service.Outbox;
import io.stagewire.jobapi.service.ProgressThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.stagewire.events.data.QueuePosition;

/**
 * What is announced by time rather than by an event: the queue position of waiting crawl jobs,
 * and the progress the throttle held back. One replica at a time (advisory lock). This is the only
 * transaction that locks more than one job, so it cannot deadlock with the single-job ones.
 */
@ApplicationScoped
public class ScheduledAnnouncements {
    /** The scheduler's name for the job; tests pause it to hold the history still. */
    public static final String IDENTITY = "scheduled-announcements";
    private static final long LOCK_KEY = 0x5354_414EL;
    /** The rest of the tick's transaction is planned for its parameters' values (see heldBackProgress). */
    private static final String PLAN_FOR_THE_VALUES = "select set_config('plan_cache_mode', 'force_custom_plan', true)";

    private final Outbox outbox;
    private final JobTransitions transitions;
    private final ProgressThrottle throttle;

    ScheduledAnnouncements(Outbox outbox, JobTransitions transitions, ProgressThrottle throttle) {
        this.outbox = outbox;
        this.transitions = transitions;
        this.throttle = throttle;
    }

    @Scheduled(identity = IDENTITY, every = "${stagewire.announcements.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> announce() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select pg_try_advisory_xact_lock(:key)", Boolean.class)
                        .setParameter("key", LOCK_KEY).getSingleResult())
                .chain(locked -> locked ? queuePositions().chain(this::heldBackProgress) : Uni.createFrom().voidItem()));
    }

    /** Places announced on every change: near the front each step matters to the one waiting. */
    static final int EXACT_PLACES = 10;

    /**
     * Every waiting crawl job's place, computed by Postgres from the partial index of waiting crawl jobs
     * (jobs_crawl_queue, V12); only the rows whose place differs from the one last announced come back: a queue that did
     * not move costs one index scan and no rows, one whose head moved returns most of its rows (four columns each, no
     * entity, no lock) until they are announced.
     */
    private static final String CHANGED_PLACES = """
            select id, queue_position, place, queue_length from (
                select id, queue_position, (row_number() over (order by created_at, id) - 1)::integer as place,
                       (count(*) over ())::integer as queue_length
                from jobs where kind = 'crawl' and status = 'pending') queue
            where queue_position is distinct from place""";

    /**
     * queue:position for each waiting crawl job whose place changed enough (see {@link #worthAnnouncing}); 0 is next.
     * Only the jobs announced are loaded and locked, not the whole queue each second (issue 16): when the head of a
     * queue of thousands moves by one, the first ten are. A job that left the queue between the two reads is not
     * announced; the next tick corrects the places of those behind it.
     */
    Uni<Void> queuePositions() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CHANGED_PLACES, Object[].class).getResultList())
                .chain(rows -> {
                    Map<String, QueuePosition> due = new HashMap<>();
                    for (Object[] row : rows) {
                        int place = (Integer) row[2];
                        if (worthAnnouncing((Integer) row[1], place)) {
                            due.put((String) row[0], new QueuePosition(place, (Integer) row[3]));
                        }
                    }
                    if (due.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    return Job.<Job>find("id in ?1 and status = ?2 order by id", due.keySet(), JobStatus.PENDING)
                            .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                            .chain(jobs -> Multi.createFrom().iterable(jobs.stream()
                                            .sorted(Comparator.comparingInt(job -> due.get(job.id).position())).toList())
                                    .onItem().transformToUniAndConcatenate(job -> announcePlace(job, due.get(job.id)))
                                    .collect().last())
                            .replaceWithVoid();
                });
    }

    private Uni<Void> announcePlace(Job job, QueuePosition place) {
        job.queuePosition = place.position();
        return outbox.event(job.id, job.userId, place);
    }

    /**
     * Whether a job last announced at {@code announced} (null: never) is told it is at {@code place} now: in the first
     * {@link #EXACT_PLACES} places on every change, further back once the place moved by a tenth or more. Every move of
     * the queue's head changes the place of every job behind it, so announcing each change costs N²/2 events for a
     * queue of N jobs (a storm of 1 000 jobs: half a million, docs/reliability.md); this rule costs about
     * N·(10 + ln(N/10)/ln(1.1)), and the place shown is never off by more than a tenth.
     */
    static boolean worthAnnouncing(Integer announced, int place) {
        if (announced == null) {
            return true;
        }
        if (announced == place) {
            return false;
        }
        return place < EXACT_PLACES || announced < EXACT_PLACES || Math.abs(place - announced) * 10 >= announced;
    }

    /** The trailing edge of the progress throttle: a value held back is sent once the interval passed. */
    Uni<Void> heldBackProgress() {
        OffsetDateTime due = OffsetDateTime.now().minus(throttle.minInterval());
        // Planned for these values, so that Postgres sees the query fits jobs_unfinished_own (V12); a generic plan (a cached
        // statement may switch to one after five runs) cannot know that, and would scan the whole table every tick.
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(PLAN_FOR_THE_VALUES).getSingleResult())
                .chain(planned -> Job.<Job>find("kind <> ?1 and status not in ?2 and progressEmittedAt <= ?3 "
                                + "and (progressEmitted is null or progressEmitted <> progress) order by id",
                        JobKind.EXTERNAL, List.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED), due)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list())
                .chain(jobs -> Multi.createFrom().iterable(jobs)
                        .onItem().transformToUniAndConcatenate(transitions::flushProgress)
                        .collect().last())
                .replaceWithVoid();
    }
}
