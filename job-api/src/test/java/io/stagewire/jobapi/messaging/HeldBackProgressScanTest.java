package io.stagewire.jobapi.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The announcement tick's look for held-back progress reads the unfinished jobs of our own, not the table: the jobs
 * that finished and the external ones grow without bound and are never announced for. Also when the session would
 * use a generic plan, as a cached statement may after five runs. The table has statistics, as autovacuum keeps them.
 */
@QuarkusTest
class HeldBackProgressScanTest {
    private static final String FINISHED_JOBS = """
            insert into jobs (id, user_id, kind, status, stage, progress, progress_emitted, progress_emitted_at, status_since,
                              created_at, updated_at)
            select :prefix || g, 'scan-test', case when g % 2 = 0 then 'crawl' else 'external' end, 'completed', 'done',
                   100, case when g % 2 = 0 then 100 end, now() - interval '1 hour', now(), now(), now()
              from generate_series(1, 3000) g""";
    private static final String UNFINISHED_OWN =
            "select count(*) from jobs where kind <> 'external' and status not in ('completed', 'failed', 'cancelled')";
    private static final String ROWS_READ =
            "select coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0)::bigint from pg_stat_xact_user_tables where relname = 'jobs'";

    @Inject
    ScheduledAnnouncements announcements;
    @Inject
    Scheduler scheduler;

    @AfterEach
    void resumeTicks() {
        scheduler.resume(ScheduledAnnouncements.IDENTITY);
    }

    @Test
    void theTickReadsTheUnfinishedJobsOfOurOwnNotTheTable() throws Throwable {
        scheduler.pause(ScheduledAnnouncements.IDENTITY);
        Thread.sleep(1_500); // a tick that started before the pause has finished
        String prefix = "scan-" + UUID.randomUUID() + "-";
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(FINISHED_JOBS).setParameter("prefix", prefix).executeUpdate())));
        // What autovacuum does after such a change: without statistics the planner takes "not finished and not external"
        // for most rows, and reading them by index far dearer than scanning the table.
        VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("analyze jobs").executeUpdate())));

        long[] readAndUnfinished = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("set local plan_cache_mode = force_generic_plan").executeUpdate())
                .chain(HeldBackProgressScanTest::rowsRead)
                .chain(before -> announcements.heldBackProgress().chain(HeldBackProgressScanTest::rowsRead)
                        .map(after -> after - before))
                .chain(read -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(UNFINISHED_OWN, Long.class).getSingleResult())
                        .map(unfinished -> new long[] {read, unfinished}))));

        assertThat(readAndUnfinished[0]).as("rows of jobs read by the tick, with %d unfinished jobs of our own and 3 000 finished"
                + " ones added", readAndUnfinished[1]).isLessThanOrEqualTo(readAndUnfinished[1]);
    }

    /** Rows of jobs this transaction read so far (a difference within it: the view also counts unreported earlier ones). */
    private static Uni<Long> rowsRead() {
        return Panache.getSession().chain(session -> session.createNativeQuery(ROWS_READ, Long.class).getSingleResult());
    }
}
