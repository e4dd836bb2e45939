package io.stagewire.jobapi.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.config.StagewireConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Deletes event history past its retention, per job kind: external jobs' events after
 * {@code stagewire.history.external-jobs} (7 days), our own jobs' only when
 * {@code stagewire.history.own-jobs} is set. In batches of {@code purge-batch} rows, each its own
 * short transaction, found through the {@code recorded_at} index. The jobs themselves stay (their
 * state and counters); their history starts later.
 */
@ApplicationScoped
public class HistoryRetention {
    private static final Logger LOG = Logger.getLogger(HistoryRetention.class);
    // ctid: delete exactly the rows the bounded select found (Postgres has no DELETE … LIMIT).
    private static final String DELETE_BATCH = """
            delete from job_events where ctid in (
              select e.ctid from job_events e join jobs j on j.id = e.job_id
               where e.recorded_at < :before and (j.kind = 'external') = :external
               limit :batch)""";

    private final StagewireConfig config;
    private final Mutiny.SessionFactory sessions;

    HistoryRetention(StagewireConfig config, Mutiny.SessionFactory sessions) {
        this.config = config;
        this.sessions = sessions;
    }

    @Scheduled(every = "${stagewire.history.purge-every}", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeOnSchedule() {
        return purge(OffsetDateTime.now()).invoke(deleted -> {
            if (deleted > 0) {
                LOG.infof("history retention: deleted %d events", deleted);
            }
        }).replaceWithVoid();
    }

    /** Deletes what is past retention at {@code now}; the number of events deleted. */
    public Uni<Long> purge(OffsetDateTime now) {
        StagewireConfig.History history = config.history();
        Uni<Long> external = purgeKinds(true, now.minus(history.externalJobs()), 0);
        return history.ownJobs()
                .map(keep -> external.chain(n -> purgeKinds(false, now.minus(keep), n)))
                .orElse(external);
    }

    private Uni<Long> purgeKinds(boolean external, OffsetDateTime before, long deletedSoFar) {
        int batch = config.history().purgeBatch();
        return sessions.withTransaction(session -> session.createNativeQuery(DELETE_BATCH)
                        .setParameter("before", before).setParameter("external", external).setParameter("batch", batch)
                        .executeUpdate())
                .chain(deleted -> deleted < batch ? Uni.createFrom().item(deletedSoFar + deleted)
                        : purgeKinds(external, before, deletedSoFar + deleted));
    }
}
