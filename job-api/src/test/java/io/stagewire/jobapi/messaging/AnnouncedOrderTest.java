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
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Events job-api announced and has not seen back from job.events have no position; the history lists them in the
 * order they were announced, also when one transaction announced several (a job's last updates, progress and
 * job:completed). They all had the transaction's start as recorded_at, and their random ids ordered them (V11).
 */
@QuarkusTest
class AnnouncedOrderTest {
    private static final int IN_ONE_TRANSACTION = 8;

    @Inject
    Scheduler scheduler;

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resumeRelay() {
        scheduler.resume(OutboxRelay.IDENTITY);
    }

    @Test
    void theHistoryListsUnpositionedEventsInTheOrderTheyWereAnnounced() throws Throwable {
        scheduler.pause(OutboxRelay.IDENTITY);
        Thread.sleep(1_500); // a run that started before the pause has finished
        String id = Api.createJob("bob", 12);

        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            Uni<Void> steps = Uni.createFrom().voidItem();
            for (int i = 1; i <= IN_ONE_TRANSACTION; i++) {
                JobProgress progress = new JobProgress(BigDecimal.valueOf(i, 2), "crawling", i, 12, Map.of());
                steps = steps.chain(() -> outbox.event(id, sub("bob"), progress));
            }
            return steps;
        }));

        List<String> history = as("bob").get("/api/jobs/" + id + "/events?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        assertThat(history).hasSizeGreaterThan(IN_ONE_TRANSACTION).isEqualTo(announced(id));
    }

    /** The ids of the job's events in the order job-api put them into its outbox (nothing is sent while paused). */
    private List<String> announced(String jobId) throws Exception {
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
}
