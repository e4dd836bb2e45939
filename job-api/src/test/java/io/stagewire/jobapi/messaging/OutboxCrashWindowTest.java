package io.stagewire.jobapi.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.events.Topics;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.Kafka;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window between committing a job and sending its crawl request: with the relay stopped (as
 * if job-api died right after the commit) the request waits in the outbox; once a relay runs,
 * exactly one crawl request is on the topic, and running the relay again sends nothing more.
 */
@QuarkusTest
class OutboxCrashWindowTest {
    @Inject
    Scheduler scheduler;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resumeRelay() {
        scheduler.resume(OutboxRelay.IDENTITY);
    }

    @Test
    void crawlRequestWaitsInTheOutboxAndIsSentExactlyOnce() throws Exception {
        try (Kafka.Tail crawls = Kafka.tail(Topics.CRAWL_REQUESTS)) {
            scheduler.pause(OutboxRelay.IDENTITY);
            Thread.sleep(1_500); // a run that started before the pause has finished
            String id = Api.createJob("bob", 2);

            assertThat(crawls.during(id, Duration.ofSeconds(2))).as("nothing sent while no relay runs").isEmpty();
            assertThat(unsentFor(id)).isEqualTo(1);

            scheduler.resume(OutboxRelay.IDENTITY);
            assertThat(crawls.await(id, 1, Duration.ofSeconds(10))).hasSize(1);
            assertThat(crawls.during(id, Duration.ofSeconds(3))).as("and never again").hasSize(1);
            assertThat(unsentFor(id)).isZero();
        }
    }

    /** Crawl requests of the job still waiting in the outbox, read through the JDBC datasource Flyway uses. */
    private long unsentFor(String jobId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select count(*) from outbox where topic = ? and record_key = ? and sent_at is null")) {
            q.setString(1, Topics.CRAWL_REQUESTS);
            q.setString(2, jobId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
