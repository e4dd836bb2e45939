package io.stagewire.jobapi.messaging;

import org.junit.jupiter.api.Tag;
import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.jobapi.service.PriceLists;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.EventBus;
import io.stagewire.jobapi.support.InMemoryJobEvents;
import io.stagewire.jobapi.support.Workbooks;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ownership cannot move through job.events: forged events with another user's userid, or from a
 * producer the job is not bound to, are dead-lettered with the reason and change nothing. Decided
 * by job-api alone, so tested on the in-memory bus.
 */
@Tag("attack")
@QuarkusTest
@TestProfile(InMemoryJobEvents.Profile.class)
class OwnershipFromEventsTest {
    private static final String ACME = "https://acme.example/erp";

    @Inject
    EventBus bus;

    private static StageEvent event(EventType type, String source, String jobId, String owner, Map<String, Object> data) {
        return StageEvent.of(type, source, jobId, owner, StageEventJson.mapper().valueToTree(data));
    }

    @Test
    void forgedEventsWithAnotherUsersIdAreDeadLetteredAndTheOwnerStays() {
        String id = bus.announcedJob("bob", 5);
        String carol = sub("carol");
        StageEvent forgedCreated = event(EventType.JOB_CREATED, "/stagewire/job-api", id, carol, Map.of("status", "pending"));
        StageEvent forgedProgress = event(EventType.JOB_PROGRESS, "/stagewire/job-api", id, carol, Map.of("progress", 50));

        bus.deliver(forgedCreated, forgedProgress);

        assertThat(bus.deadLetterReasons(id)).containsExactly("userid '" + carol + "' does not own job '" + id + "'",
                "userid '" + carol + "' does not own job '" + id + "'");
        assertThat(Api.job("bob", id).getString("userId")).isEqualTo(sub("bob"));
        as("carol").get("/api/jobs/" + id).then().statusCode(404);
        as("carol").get("/api/jobs/" + id + "/events").then().statusCode(404);
        var history = as("bob").get("/api/jobs/" + id + "/events").jsonPath();
        assertThat(history.getList("items.id", String.class)).doesNotContain(forgedCreated.id(), forgedProgress.id());
        assertThat(history.getList("items.userId", String.class)).containsOnly(sub("bob"));
        assertThat(Api.job("bob", id).getFloat("progress")).isZero();
    }

    @Test
    void ownJobsTakeEventsOnlyFromStagewiresSources() {
        String id = bus.announcedJob("bob", 5);

        bus.deliver(event(EventType.CRAWL_FAILED, ACME, id, sub("bob"), Map.of("reason", "forged")));

        assertThat(bus.deadLetterReasons(id)).containsExactly("source '" + ACME + "' did not create job '" + id + "'");
        assertThat(Api.job("bob", id).getString("status")).isEqualTo("pending");
        assertThat(as("bob").get("/api/jobs/" + id + "/events").jsonPath().getList("items.source", String.class))
                .containsOnly("/stagewire/job-api");
    }

    @Test
    void anExternalJobIsBoundToItsFirstProducerAndOwner() {
        String id = "acme:" + UUID.randomUUID();
        String carol = sub("carol");
        bus.deliver(event(EventType.JOB_CREATED, ACME, id, carol, Map.of("status", "pending")));
        as("carol").get("/api/jobs/" + id).then().statusCode(200);

        bus.deliver(event(EventType.JOB_CREATED, ACME, id, sub("bob"), Map.of("status", "pending")),
                event(EventType.JOB_FAILED, "https://evil.example/", id, carol, Map.of("reason", "forged")));
        assertThat(bus.deadLetterReasons(id)).containsExactly(
                "userid '" + sub("bob") + "' does not own job '" + id + "'",
                "source 'https://evil.example/' did not create job '" + id + "'");

        bus.deliver(event(EventType.JOB_PROGRESS, ACME, id, carol, Map.of("progress", 30)));
        assertThat(Api.job("carol", id).getFloat("progress")).isEqualTo(30f);
        assertThat(Api.job("carol", id).getString("status")).isEqualTo("pending");
        as("bob").get("/api/jobs/" + id).then().statusCode(404);
        assertThat(as("carol").get("/api/jobs/" + id + "/events").jsonPath().getList("items.type"))
                .containsExactly("job:created", "job:progress");
    }

    @Test
    void aJobCreatedInOneBatchIsBoundToItsFirstEventsOwnerAndSource() {
        String id = "acme:" + UUID.randomUUID();
        String carol = sub("carol");
        // The first sight of the job and the forgeries in the same poll: the first event decides, the rest are refused.
        bus.deliver(event(EventType.JOB_PROGRESS, ACME, id, carol, Map.of("progress", 10)),
                event(EventType.JOB_PROGRESS, ACME, id, sub("bob"), Map.of("progress", 90)),
                event(EventType.JOB_FAILED, "https://evil.example/", id, carol, Map.of("reason", "forged")));

        assertThat(bus.deadLetterReasons(id)).containsExactly(
                "userid '" + sub("bob") + "' does not own job '" + id + "'",
                "source 'https://evil.example/' did not create job '" + id + "'");
        assertThat(Api.job("carol", id).getFloat("progress")).isEqualTo(10f);
        assertThat(Api.job("carol", id).getString("status")).isEqualTo("pending");
    }

    @Test
    void fileIdsInEventsDoNotOpenOtherUsersFiles() throws Exception {
        String carolsFile = as("carol").multiPart("file", "list.xlsx", Workbooks.xlsx(new Object[]{"SKU", "Name", "Price"},
                new Object[]{"A-1", "Stift", 1.5}), PriceLists.XLSX).post("/api/price-lists").then().statusCode(201).extract().path("fileId");
        String id = "bobs-erp:" + UUID.randomUUID();
        String bob = sub("bob");

        bus.deliver(event(EventType.LABEL_GENERATED, ACME, id, bob, Map.of("labelId", "l1", "screenshotId", "s1",
                "pngFileId", carolsFile, "pdfFileId", carolsFile, "articleNumber", "A-1")));

        assertThat(as("bob").get("/api/jobs/" + id + "/labels").then().statusCode(200).extract().jsonPath().getList("$")).hasSize(1);
        as("bob").get("/api/files/" + carolsFile).then().statusCode(404);
        byte[] zip = as("bob").get("/api/jobs/" + id + "/labels.zip").then().statusCode(200).extract().asByteArray();
        try (java.util.zip.ZipInputStream entries = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            assertThat(entries.getNextEntry()).as("no entry for a file of another user").isNull();
        }
    }
}
