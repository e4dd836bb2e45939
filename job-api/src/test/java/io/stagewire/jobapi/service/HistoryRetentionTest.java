package io.stagewire.jobapi.service;

import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.JobEventsConsumerReady;
import io.stagewire.jobapi.support.Kafka;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/** Events past their kind's retention are deleted in batches; the rest of the history and the jobs stay. */
@QuarkusTest
class HistoryRetentionTest {
    private static final String SOURCE = "https://acme.example/retention";

    @Inject
    HistoryRetention retention;
    @Inject
    Mutiny.SessionFactory sessions;

    private static StageEvent progress(String id, String owner, int value) {
        return StageEvent.of(EventType.JOB_PROGRESS, SOURCE, id, owner,
                StageEventJson.mapper().valueToTree(Map.of("progress", value)));
    }

    private static List<String> eventIds(String jobId) {
        return as("carol").get("/api/jobs/" + jobId + "/events?limit=1000").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    private void recordedDaysAgo(List<String> eventIds, int days) {
        sessions.withTransaction(s -> s.createNativeQuery("update job_events set recorded_at = :t where id in (:ids)")
                .setParameter("t", OffsetDateTime.now().minusDays(days)).setParameter("ids", eventIds).executeUpdate())
                .await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void externalHistoryOlderThanSevenDaysIsDeletedOwnHistoryIsKept() {
        JobEventsConsumerReady.await();
        String external = "acme:" + UUID.randomUUID();
        String owner = sub("carol");
        List<StageEvent> sent = List.of(progress(external, owner, 10), progress(external, owner, 20), progress(external, owner, 30),
                progress(external, owner, 40));
        sent.forEach(Kafka::send);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> as("carol").get("/api/jobs/" + external).statusCode() == 200
                && eventIds(external).size() == 4);
        String own = Api.createJob("carol", 2);
        List<String> ownEvents = eventIds(own);
        assertThat(ownEvents).hasSize(1);

        // Three of the external job's events and the own job's job:created were recorded eight days ago.
        recordedDaysAgo(List.of(sent.get(0).id(), sent.get(1).id(), sent.get(2).id()), 8);
        recordedDaysAgo(ownEvents, 8);
        long deleted = retention.purge(OffsetDateTime.now()).await().atMost(Duration.ofSeconds(30));

        assertThat(deleted).as("in batches of 2: the loop ran until a batch was not full").isGreaterThanOrEqualTo(3);
        assertThat(eventIds(external)).containsExactly(sent.get(3).id());
        // (job-api may have added events to its own job since: queue:position, job:updated)
        assertThat(eventIds(own)).as("own jobs' history is kept unless stagewire.history.own-jobs is set").contains(ownEvents.getFirst());
        assertThat(as("carol").get("/api/jobs/" + external).jsonPath().getFloat("progress")).as("the job stays").isEqualTo(40f);
        assertThat(retention.purge(OffsetDateTime.now()).await().atMost(Duration.ofSeconds(30))).isZero();
    }
}
