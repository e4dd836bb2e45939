package io.stagewire.jobapi.messaging;

import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.Topics;
import io.stagewire.events.data.JobProgress;
import io.stagewire.jobapi.service.Outbox;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.Kafka;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window between committing a job and sending its crawl request: with the relay stopped (as
 * if job-api died right after the commit) the request waits in the outbox; once a relay runs,
 * exactly one crawl request is on the topic, and running the relay again sends nothing more. Meanwhile the history
 * lists what waits in the outbox in the order it was announced.
 */
@QuarkusTest
class OutboxCrashWindowTest {
    @Inject
    Scheduler scheduler;

    @Inject
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @AfterEach
    void resumeRelay() {
        scheduler.resume(OutboxRelay.IDENTITY);
        scheduler.resume(ScheduledAnnouncements.IDENTITY);
    }

    @Test
    void crawlRequestWaitsInTheOutboxAndIsSentExactlyOnce() throws Exception {
        try (Kafka.Tail crawls = Kafka.tail(Topics.CRAWL_REQUESTS)) {
            pauseRelay();
            String id = Api.createJob("bob", 2);

            assertThat(crawls.during(id, Duration.ofSeconds(2))).as("nothing sent while no relay runs").isEmpty();
            assertThat(unsentFor(id)).isEqualTo(1);

            scheduler.resume(OutboxRelay.IDENTITY);
            assertThat(crawls.await(id, 1, Duration.ofSeconds(10))).hasSize(1);
            assertThat(crawls.during(id, Duration.ofSeconds(3))).as("and never again").hasSize(1);
            assertThat(unsentFor(id)).isZero();
        }
    }

    /**
     * Events job-api announced and has not seen back from job.events have no position; the history lists them in the
     * order they were announced, also when one transaction announced several (a job's last updates, progress and
     * job:completed). They all had the transaction's start as recorded_at, and their random ids ordered them (V11).
     */
    @Test
    void theHistoryListsUnpositionedEventsInTheOrderTheyWereAnnounced() throws Throwable {
        // The job waits in the crawl queue, so a tick could announce its queue:position between reading the history and
        // reading the outbox: the two reads would then differ by that one event (CI, stop 38).
        scheduler.pause(ScheduledAnnouncements.IDENTITY);
        pauseRelay();
        String id = Api.createJob("bob", 12);

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Uni<Void> steps = Uni.createFrom().voidItem();
            for (int i = 1; i <= 8; i++) {
                JobProgress progress = new JobProgress(BigDecimal.valueOf(i, 2), "crawling", i, 12, Map.of());
                steps = steps.chain(() -> outbox.event(id, sub("bob"), progress));
            }
            return steps;
        }));

        List<String> history = as("bob").get("/api/jobs/" + id + "/events?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        assertThat(history).hasSizeGreaterThan(8).isEqualTo(announced(id));
    }

    private void pauseRelay() throws InterruptedException {
        scheduler.pause(OutboxRelay.IDENTITY);
        Thread.sleep(1_500); // a run that started before the pause (of the relay or the announcements) has finished
    }

    /** The ids of the job's events in the order job-api put them into its outbox (nothing is sent while paused). */
    private List<String> announced(String jobId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select headers->>'ce_id' from outbox where topic = ? and record_key = ? order by id")) {
            q.setString(1, Topics.JOB_EVENTS);
            q.setString(2, jobId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
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
