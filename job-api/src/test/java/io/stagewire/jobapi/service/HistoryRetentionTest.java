package io.stagewire.jobapi.service;

import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.jobapi.service.HistoryPartitions.Kind;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.JobEventsConsumerReady;
import io.stagewire.jobapi.support.Kafka;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * The history is partitioned by job kind and when recorded (V6): a partition past its kind's retention is
 * dropped whole, an event recorded when its partition did not exist waits in the default partition and
 * moves into its own when that is created, and the rest of the history and the jobs stay.
 */
@QuarkusTest
class HistoryRetentionTest {
    private static final String SOURCE = "https://acme.example/retention";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    HistoryRetention retention;
    @Inject
    HistoryPartitions partitions;
    @Inject
    Mutiny.SessionFactory sessions;

    private static StageEvent progress(String jobId, String owner, int value) {
        return StageEvent.of(EventType.JOB_PROGRESS, SOURCE, jobId, owner, StageEventJson.mapper().valueToTree(Map.of("progress", value)));
    }

    private static List<String> eventIds(String jobId) {
        return as("carol").get("/api/jobs/" + jobId + "/events?limit=1000").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    /** The table that holds the event. */
    private String partitionOf(String eventId) {
        return sessions.withSession(s -> s.createNativeQuery("select cast(tableoid as regclass)::text from job_events where id = :id", String.class)
                .setParameter("id", eventId).getSingleResult()).await().atMost(WAIT);
    }

    private static LocalDate utcDay(OffsetDateTime time) {
        return time.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    /** As if the events had been recorded {@code days} ago: updating the partition key moves each row to that day's partition. */
    private void recordedDaysAgo(List<String> eventIds, int days) {
        sessions.withTransaction(s -> s.createNativeQuery("update job_events set recorded_at = :t where id in (:ids)")
                .setParameter("t", OffsetDateTime.now().minusDays(days)).setParameter("ids", eventIds).executeUpdate())
                .await().atMost(WAIT);
    }

    private static String dayPartition(OffsetDateTime at) {
        return "job_events_external_p" + utcDay(at).toString().replace("-", "");
    }

    @Test
    void externalPartitionsPastSevenDaysAreDroppedWholeOwnHistoryIsKept() {
        JobEventsConsumerReady.await();
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime nineDaysAgo = now.minusDays(9);
        partitions.createAhead(now).await().atMost(WAIT);
        partitions.create(Kind.EXTERNAL, utcDay(nineDaysAgo)).await().atMost(WAIT);
        String external = "acme:" + UUID.randomUUID();
        String owner = sub("carol");
        List<StageEvent> sent = List.of(progress(external, owner, 10), progress(external, owner, 20), progress(external, owner, 30),
                progress(external, owner, 40));
        sent.forEach(Kafka::send);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> as("carol").get("/api/jobs/" + external).statusCode() == 200
                && eventIds(external).size() == 4);
        assertThat(partitionOf(sent.getFirst().id())).isEqualTo(dayPartition(now));
        String own = Api.createJob("carol", 2);
        // its job:created (queue:position announcements may follow it)
        List<String> ownEvents = eventIds(own).subList(0, 1);
        assertThat(partitionOf(ownEvents.getFirst())).isEqualTo("job_events_own_p" + utcDay(now).toString().replace("-", "").substring(0, 6));

        // Three of the external job's events and the own job's job:created were recorded nine days ago.
        recordedDaysAgo(List.of(sent.get(0).id(), sent.get(1).id(), sent.get(2).id()), 9);
        recordedDaysAgo(ownEvents, 9);
        assertThat(partitionOf(sent.getFirst().id())).isEqualTo(dayPartition(nineDaysAgo));
        HistoryRetention.Purged purged = retention.purge(now).await().atMost(WAIT);

        assertThat(purged.partitionsDropped()).as("the partition of nine days ago").isGreaterThanOrEqualTo(1);
        assertThat(partitions.starts(Kind.EXTERNAL).await().atMost(WAIT)).doesNotContain(utcDay(nineDaysAgo)).contains(utcDay(now));
        assertThat(eventIds(external)).containsExactly(sent.getLast().id());
        // (job-api may have added events to its own job since: queue:position, job:updated)
        assertThat(eventIds(own)).as("own jobs' history is kept unless stagewire.history.own-jobs is set").contains(ownEvents.getFirst());
        assertThat(as("carol").get("/api/jobs/" + external).jsonPath().getFloat("progress")).as("the job stays").isEqualTo(40f);
        assertThat(retention.purge(now).await().atMost(WAIT)).isEqualTo(new HistoryRetention.Purged(0, 0));
    }

    @Test
    void eventsRecordedWithoutTheirPartitionWaitInTheDefaultMoveWhenItIsCreatedAndStayOnce() {
        JobEventsConsumerReady.await();
        OffsetDateTime now = OffsetDateTime.now();
        partitions.createAhead(now).await().atMost(WAIT);
        String external = "acme:" + UUID.randomUUID();
        String owner = sub("carol");
        StageEvent late = progress(external, owner, 10);
        StageEvent old = progress(external, owner, 20);
        Kafka.send(late);
        Kafka.send(old);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> as("carol").get("/api/jobs/" + external).statusCode() == 200
                && eventIds(external).size() == 2);
        // Maintenance could not run: one event recorded five days on (partitions exist two days ahead), one thirty days ago.
        recordedDaysAgo(List.of(late.id()), -5);
        recordedDaysAgo(List.of(old.id()), 30);
        assertThat(partitionOf(late.id())).isEqualTo("job_events_external_default");
        assertThat(partitionOf(old.id())).isEqualTo("job_events_external_default");

        partitions.create(Kind.EXTERNAL, utcDay(now.plusDays(5))).await().atMost(WAIT);
        assertThat(partitionOf(late.id())).as("moved with its partition's creation").isEqualTo(dayPartition(now.plusDays(5)));
        // A redelivery of the moved event is found in its new partition: still once.
        StageEvent marker = progress(external, owner, 30);
        Kafka.send(late);
        Kafka.send(marker);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> eventIds(external).contains(marker.id()));
        assertThat(eventIds(external)).containsExactly(late.id(), old.id(), marker.id());

        HistoryRetention.Purged purged = retention.purge(now).await().atMost(WAIT);
        assertThat(purged.eventsDeleted()).as("the default partition's event of thirty days ago").isEqualTo(1);
        assertThat(eventIds(external)).containsExactly(late.id(), marker.id());
        partitions.dropEndingBefore(Kind.EXTERNAL, now.plusDays(7)).await().atMost(WAIT); // leave no future partition behind
        assertThat(partitions.starts(Kind.EXTERNAL).await().atMost(WAIT)).isEmpty();
    }
}
