package io.stagewire.jobapi.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.config.StagewireConfig;
import io.stagewire.jobapi.service.HistoryPartitions.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Keeps the event history within its retention, per job kind: external jobs' events for
 * {@code stagewire.history.external-jobs} (7 days), our own jobs' only as long as
 * {@code stagewire.history.own-jobs} says, if set. A time partition past retention is dropped whole
 * (nothing is scanned); the default partitions, which hold only events recorded when no partition existed,
 * are purged in batches of {@code purge-batch} rows, each its own short transaction. The jobs
 * themselves stay (their state and counters); their history starts later.
 */
@ApplicationScoped
public class HistoryRetention {
    private static final Logger LOG = Logger.getLogger(HistoryRetention.class);

    /** What one purge removed. */
    public record Purged(int partitionsDropped, long eventsDeleted) {
        Purged plus(Purged other) {
            return new Purged(partitionsDropped + other.partitionsDropped, eventsDeleted + other.eventsDeleted);
        }
    }

    private final StagewireConfig config;
    private final Mutiny.SessionFactory sessions;
    private final HistoryPartitions partitions;

    HistoryRetention(StagewireConfig config, Mutiny.SessionFactory sessions, HistoryPartitions partitions) {
        this.config = config;
        this.sessions = sessions;
        this.partitions = partitions;
    }

    /** At start and then every {@code purge-every}: the coming partitions exist, the expired ones are gone. */
    @Scheduled(every = "${stagewire.history.purge-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> maintainOnSchedule() {
        OffsetDateTime now = OffsetDateTime.now();
        return partitions.createAhead(now).chain(() -> purge(now)).invoke(purged -> {
            if (purged.partitionsDropped() > 0 || purged.eventsDeleted() > 0) {
                LOG.infof("history retention: dropped %d partitions, deleted %d events", purged.partitionsDropped(), purged.eventsDeleted());
            }
        }).onFailure().invoke(e -> LOG.warnf("history maintenance failed, will try again on the next run: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Removes what is past retention at {@code now}. */
    public Uni<Purged> purge(OffsetDateTime now) {
        StagewireConfig.History history = config.history();
        Uni<Purged> external = purge(Kind.EXTERNAL, now, history.externalJobs());
        return history.ownJobs()
                .map(keep -> external.chain(first -> purge(Kind.OWN, now, keep).map(first::plus)))
                .orElse(external);
    }

    private Uni<Purged> purge(Kind kind, OffsetDateTime now, Duration keep) {
        OffsetDateTime before = now.minus(keep);
        return partitions.dropEndingBefore(kind, before)
                .chain(dropped -> purgeDefault(kind, before, 0).map(deleted -> new Purged(dropped, deleted)));
    }

    /** Rows of the default partition recorded before {@code before}. */
    private Uni<Long> purgeDefault(Kind kind, OffsetDateTime before, long deletedSoFar) {
        int batch = config.history().purgeBatch();
        // ctid: delete exactly the rows the bounded select found (Postgres has no DELETE … LIMIT).
        String delete = "delete from " + kind.defaultPartition() + " where ctid in (select ctid from " + kind.defaultPartition()
                + " where recorded_at < :before limit :batch)";
        return sessions.withTransaction(session -> session.createNativeQuery(delete)
                        .setParameter("before", before).setParameter("batch", batch).executeUpdate())
                .chain(deleted -> deleted < batch ? Uni.createFrom().item(deletedSoFar + deleted)
                        : purgeDefault(kind, before, deletedSoFar + deleted));
    }
}
