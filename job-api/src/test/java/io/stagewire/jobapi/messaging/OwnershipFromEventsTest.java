package io.stagewire.jobapi.messaging;

import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.events.DeadLetterHeaders;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.Topics;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.JobEventsConsumerReady;
import io.stagewire.jobapi.support.Kafka;
import io.stagewire.jobapi.support.Workbooks;
import io.stagewire.jobapi.service.PriceLists;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ownership cannot move through Kafka: forged events with another user's userid, or from a
 * producer the job is not bound to, are dead-lettered with the reason and change nothing.
 */
@QuarkusTest
class OwnershipFromEventsTest {
    private static final String ACME = "https://acme.example/erp";

    @BeforeEach
    void consumerIsAssigned() {
        JobEventsConsumerReady.await();
    }

    private static StageEvent event(EventType type, String source, String jobId, String owner, Map<String, Object> data) {
        return StageEvent.of(type, source, jobId, owner, StageEventJson.mapper().valueToTree(data));
    }

    @Test
    void forgedEventsWithAnotherUsersIdAreDeadLetteredAndTheOwnerStays() {
        String id = Api.createAnnouncedJob("bob", 5);
        String carol = sub("carol");
        StageEvent forgedCreated = event(EventType.JOB_CREATED, "/stagewire/job-api", id, carol, Map.of("status", "pending"));
        StageEvent forgedProgress = event(EventType.JOB_PROGRESS, "/stagewire/job-api", id, carol, Map.of("progress", 50));
        try (Kafka.Tail dlq = Kafka.tail(Topics.JOB_EVENTS_DLQ)) {
            Kafka.send(forgedCreated);
            Kafka.send(forgedProgress);
            List<String> reasons = reasons(dlq.await(id, 2, Duration.ofSeconds(15)));
            assertThat(reasons).containsExactly("userid '" + carol + "' does not own job '" + id + "'",
                    "userid '" + carol + "' does not own job '" + id + "'");
        }
        assertThat(Api.job("bob", id).getString("userId")).isEqualTo(sub("bob"));
        as("carol").get("/api/jobs/" + id).then().statusCode(404);
        as("carol").get("/api/jobs/" + id + "/events").then().statusCode(404);
        // job-api's own announcements (queue:position) may join the history meanwhile; nothing of carol's does
        var history = as("bob").get("/api/jobs/" + id + "/events").jsonPath();
        assertThat(history.getList("items.id", String.class)).doesNotContain(forgedCreated.id(), forgedProgress.id());
        assertThat(history.getList("items.userId", String.class)).containsOnly(sub("bob"));
        assertThat(Api.job("bob", id).getFloat("progress")).isZero();
    }

    @Test
    void ownJobsTakeEventsOnlyFromStagewiresSources() {
        String id = Api.createAnnouncedJob("bob", 5);
        try (Kafka.Tail dlq = Kafka.tail(Topics.JOB_EVENTS_DLQ)) {
            Kafka.send(event(EventType.CRAWL_FAILED, ACME, id, sub("bob"), Map.of("reason", "forged")));
            assertThat(reasons(dlq.await(id, 1, Duration.ofSeconds(15))))
                    .containsExactly("source '" + ACME + "' did not create job '" + id + "'");
        }
        assertThat(Api.job("bob", id).getString("status")).isEqualTo("pending");
        assertThat(as("bob").get("/api/jobs/" + id + "/events").jsonPath().getList("items.source", String.class))
                .containsOnly("/stagewire/job-api");
    }

    @Test
    void anExternalJobIsBoundToItsFirstProducerAndOwner() {
        String id = "acme:" + UUID.randomUUID();
        String carol = sub("carol");
        Kafka.send(event(EventType.JOB_CREATED, ACME, id, carol, Map.of("status", "pending")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> as("carol").get("/api/jobs/" + id).statusCode() == 200);
        try (Kafka.Tail dlq = Kafka.tail(Topics.JOB_EVENTS_DLQ)) {
            Kafka.send(event(EventType.JOB_CREATED, ACME, id, sub("bob"), Map.of("status", "pending")));
            Kafka.send(event(EventType.JOB_FAILED, "https://evil.example/", id, carol, Map.of("reason", "forged")));
            assertThat(reasons(dlq.await(id, 2, Duration.ofSeconds(15)))).containsExactly(
                    "userid '" + sub("bob") + "' does not own job '" + id + "'",
                    "source 'https://evil.example/' did not create job '" + id + "'");
        }
        Kafka.send(event(EventType.JOB_PROGRESS, ACME, id, carol, Map.of("progress", 30)));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> Api.job("carol", id).getFloat("progress") == 30f);
        assertThat(Api.job("carol", id).getString("status")).isEqualTo("pending");
        as("bob").get("/api/jobs/" + id).then().statusCode(404);
        assertThat(as("carol").get("/api/jobs/" + id + "/events").jsonPath().getList("items.type"))
                .containsExactly("job:created", "job:progress");
    }

    @Test
    void fileIdsInEventsDoNotOpenOtherUsersFiles() throws Exception {
        String carolsFile = as("carol").multiPart("file", "list.xlsx", Workbooks.xlsx(new Object[]{"SKU", "Name", "Price"},
                new Object[]{"A-1", "Stift", 1.5}), PriceLists.XLSX).post("/api/price-lists").then().statusCode(201).extract().path("fileId");
        String id = "bobs-erp:" + UUID.randomUUID();
        String bob = sub("bob");
        Kafka.send(event(EventType.LABEL_GENERATED, ACME, id, bob, Map.of("labelId", "l1", "screenshotId", "s1",
                "pngFileId", carolsFile, "pdfFileId", carolsFile, "articleNumber", "A-1")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> {
                    var labels = as("bob").get("/api/jobs/" + id + "/labels");
                    return labels.statusCode() == 200 && labels.jsonPath().getList("$").size() == 1;
                });
        as("bob").get("/api/files/" + carolsFile).then().statusCode(404);
        byte[] zip = as("bob").get("/api/jobs/" + id + "/labels.zip").then().statusCode(200).extract().asByteArray();
        try (java.util.zip.ZipInputStream entries = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            assertThat(entries.getNextEntry()).as("no entry for a file of another user").isNull();
        }
    }

    private static List<String> reasons(List<ConsumerRecord<String, byte[]>> dead) {
        return dead.stream().map(r -> new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8)).toList();
    }
}
