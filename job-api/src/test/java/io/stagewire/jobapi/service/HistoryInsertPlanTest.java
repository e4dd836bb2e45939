package io.stagewire.jobapi.service;

import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.EventPosition;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.jobapi.support.Api;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.junit.jupiter.api.Test;

/**
 * The history insert probes job_events by index whatever the planner believes about the partitions' size. Statistics
 * taken while the day's partition was nearly empty make a seq scan look cheapest; here cost settings make it look so,
 * in the insert's own transaction, and the seq scans that transaction made are counted.
 */
@QuarkusTest
class HistoryInsertPlanTest {
    private static final String SCANS_LOOK_CHEAP =
            "set local seq_page_cost = 0.0001; set local cpu_tuple_cost = 0.000001; set local random_page_cost = 1000";
    private static final String SEQ_SCANS_OF_THE_HISTORY =
            "select coalesce(sum(seq_scan), 0)::bigint from pg_stat_xact_user_tables where relname like 'job_events%'";

    @Inject
    JobEventHistory history;

    @Test
    void theInsertProbesByIndexWhenStatisticsMakeScansLookCheap() throws Throwable {
        String jobId = Api.createJob("bob", 2);
        String source = "/test/plan/" + UUID.randomUUID();
        List<PositionedEvent> events = IntStream.range(0, 20).mapToObj(i -> new PositionedEvent(
                StageEvent.of(EventType.JOB_PROGRESS, source, jobId, sub("bob"),
                        StageEventJson.mapper().valueToTree(Map.of("progress", i))),
                new EventPosition(999, 2_000_000_000L + i))).toList();

        long withoutTheProbe = inCheapScanTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("select count(*) from job_events where source = :source and id = :id")
                        .setParameter("source", source).setParameter("id", "e1").getSingleResult())
                .replaceWithVoid());
        assertThat(withoutTheProbe).as("a look-up planned under these costs seq-scans the history").isPositive();

        long scans = inCheapScanTransaction(() -> history.recordNew(events, id -> false)
                .invoke(fresh -> assertThat(fresh).hasSize(events.size())).replaceWithVoid());
        assertThat(scans).as("the insert of 20 events seq-scanned the history").isZero();
    }

    /**
     * Runs {@code work} in a transaction where a seq scan looks nearly free; returns the seq scans of job_events it made.
     * A difference within the transaction: the view also counts earlier transactions of the session not yet reported.
     */
    private static long inCheapScanTransaction(Supplier<Uni<Void>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> Uni.createFrom().completionStage(
                        ((MutinySessionImpl) session).getReactiveConnection().executeUnprepared(SCANS_LOOK_CHEAP)))
                .chain(HistoryInsertPlanTest::seqScansOfTheHistory)
                .chain(before -> work.get().chain(HistoryInsertPlanTest::seqScansOfTheHistory).map(after -> after - before))));
    }

    private static Uni<Long> seqScansOfTheHistory() {
        return Panache.getSession().chain(session -> session.createNativeQuery(SEQ_SCANS_OF_THE_HISTORY, Long.class).getSingleResult());
    }
}
