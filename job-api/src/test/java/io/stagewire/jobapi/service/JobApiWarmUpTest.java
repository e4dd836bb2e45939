package io.stagewire.jobapi.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.jobapi.persistence.JobStatus;
import jakarta.inject.Inject;
import java.time.Duration;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * The warm-up runs a whole job's events through the event path, to the job's completion and its announcements, and
 * leaves nothing behind: no job, history, items or outbox rows (which the relay would send).
 */
@QuarkusTest
class JobApiWarmUpTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Crawl started and completed, 36 screenshots and readings, 33 matches and labels, 3 items not in the list. */
    private static final int EVENTS = 2 + 36 + 36 + 33 + 33 + 3;

    @Inject
    JobApiWarmUp warmUp;
    @Inject
    Outbox outbox;
    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void runsAWholeJobToItsEndAndCommitsNothing() throws Throwable {
        long announcedBefore = outbox.added();

        JobApiWarmUp.Round last = warmUp.warmUp(2);

        assertThat(last.applied()).isEqualTo(EVENTS);
        assertThat(last.status()).isEqualTo(JobStatus.COMPLETED);
        // job:updated for each stage, job:progress on the way and job:completed, in each of the two rounds
        assertThat(outbox.added() - announcedBefore).isGreaterThanOrEqualTo(2 * 5);
        assertThat(warmUpRows()).isZero();
    }

    /** Rows of the warm-up's jobs in every table the event path writes (their ids all start with "warm-up-"). */
    private long warmUpRows() {
        String sql = """
                select (select count(*) from jobs where id like 'warm-up-%') + (select count(*) from job_events where job_id like 'warm-up-%')
                     + (select count(*) from screenshots where job_id like 'warm-up-%') + (select count(*) from ocr_results where job_id like 'warm-up-%')
                     + (select count(*) from matches where job_id like 'warm-up-%') + (select count(*) from labels where job_id like 'warm-up-%')
                     + (select count(*) from outbox where record_key like 'warm-up-%')""";
        return sessions.withSession(s -> s.createNativeQuery(sql, Long.class).getSingleResult()).await().atMost(WAIT);
    }
}
