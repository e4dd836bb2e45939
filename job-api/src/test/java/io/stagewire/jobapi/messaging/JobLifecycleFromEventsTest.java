package io.stagewire.jobapi.messaging;

import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.Topics;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.EventBus;
import io.stagewire.jobapi.support.InMemoryJobEvents;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A job driven by a scripted stream of worker events, with redelivered events (in the same poll and
 * in a later one), a stale failure after a success and a late crawl:started: status, counters,
 * progress, history and what job-api announces. On the in-memory bus: this is what job-api decides;
 * {@link JobEventsOverKafkaTest} covers the broker's part.
 */
@QuarkusTest
@TestProfile(InMemoryJobEvents.Profile.class)
class JobLifecycleFromEventsTest {
    private static final String CRAWLER = "/stagewire/crawler-worker";
    private static final String OCR = "/stagewire/ocr-worker";
    private static final String LABELS = "/stagewire/label-worker";

    @Inject
    EventBus bus;

    private static StageEvent event(EventType type, String source, String jobId, String owner, Map<String, Object> data) {
        return StageEvent.of(type, source, jobId, owner, StageEventJson.mapper().valueToTree(data));
    }

    @Test
    void workerEventsDriveTheJobToCompletedAndRedeliveriesChangeNothing() {
        String id = bus.announcedJob("bob", 10);
        String owner = sub("bob");
        List<StageEvent> script = new ArrayList<>();
        StageEvent started = event(EventType.CRAWL_STARTED, CRAWLER, id, owner, Map.of("shopUrl", "https://shop.example/"));
        StageEvent s1 = event(EventType.SCREENSHOT_CAPTURED, CRAWLER, id, owner, Map.of("screenshotId", "s1", "fileId", "f1", "productUrl", "https://shop.example/p/1", "index", 0));
        script.add(started);
        script.add(s1);
        script.add(event(EventType.SCREENSHOT_CAPTURED, CRAWLER, id, owner, Map.of("screenshotId", "s2", "fileId", "f2", "productUrl", "https://shop.example/p/2", "index", 1)));
        script.add(started); // redelivered
        script.add(event(EventType.SCREENSHOT_CAPTURED, CRAWLER, id, owner, Map.of("screenshotId", "s3", "fileId", "f3", "productUrl", "https://shop.example/p/3", "index", 2)));
        StageEvent crawled = event(EventType.CRAWL_COMPLETED, CRAWLER, id, owner, Map.of("count", 3));
        script.add(crawled);
        script.add(s1); // redelivered after the crawl completed
        script.add(event(EventType.CRAWL_STARTED, CRAWLER, id, owner, Map.of())); // late: must not move the job back
        StageEvent staleFailure = new StageEvent(UUID.randomUUID().toString(), EventType.OCR_FAILED, OCR, id, owner,
                OffsetDateTime.now().minusMinutes(1), StageEventJson.object().put("screenshotId", "s2").put("reason", "timeout"));
        script.add(event(EventType.OCR_COMPLETED, OCR, id, owner, Map.of("screenshotId", "s1", "articleNumber", "A-1", "price", 1.99)));
        script.add(event(EventType.OCR_COMPLETED, OCR, id, owner, Map.of("screenshotId", "s2", "articleNumber", "A-2", "price", 2.49)));
        script.add(staleFailure); // an older failure delivered after the success
        script.add(event(EventType.OCR_COMPLETED, OCR, id, owner, Map.of("screenshotId", "s3", "articleNumber", "A-9")));
        script.add(event(EventType.MATCH_FOUND, LABELS, id, owner, Map.of("screenshotId", "s1", "articleNumber", "A-1")));
        script.add(event(EventType.MATCH_FOUND, LABELS, id, owner, Map.of("screenshotId", "s2", "articleNumber", "A-2")));
        script.add(event(EventType.MATCH_FAILED, LABELS, id, owner, Map.of("screenshotId", "s3", "reason", "not in the price list")));
        script.add(event(EventType.LABEL_GENERATED, LABELS, id, owner, Map.of("labelId", "l1", "screenshotId", "s1", "pngFileId", "p1", "pdfFileId", "d1")));
        script.add(event(EventType.LABEL_GENERATED, LABELS, id, owner, Map.of("labelId", "l2", "screenshotId", "s2", "pngFileId", "p2", "pdfFileId", "d2")));

        // The crawl's events in one poll (a redelivery inside it), the rest a poll each.
        int crawl = script.indexOf(crawled) + 1;
        bus.deliver(script.subList(0, crawl).toArray(StageEvent[]::new));
        bus.deliverOneByOne(script.subList(crawl, script.size()));

        JsonPath job = Api.job("bob", id);
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getMap("counters")).containsExactlyInAnyOrderEntriesOf(Map.of("screenshots", 3, "ocrCompleted", 3,
                "ocrFailed", 0, "matched", 2, "unmatched", 1, "labelsGenerated", 2, "labelsFailed", 0));
        assertThat(job.getFloat("progress")).isEqualTo(100f);
        assertThat(job.getString("stage")).isEqualTo("done");
        assertThat(job.getInt("summary.totalProducts")).isEqualTo(3);
        assertThat(job.getInt("summary.labelsGenerated")).isEqualTo(2);
        assertThat(job.getMap("summary.stageDurations")).containsKeys("pending", "crawling", "processing-ocr", "matching", "rendering");

        List<StageEvent> fromJobApi = bus.announced(id);
        assertThat(fromJobApi.stream().filter(e -> e.type() == EventType.JOB_UPDATED).map(e -> e.field("status").asText()))
                .containsExactly("crawling", "processing-ocr", "matching", "rendering");
        assertThat(fromJobApi.stream().filter(e -> e.type().isTerminal()).map(StageEvent::type)).containsExactly(EventType.JOB_COMPLETED);
        assertThat(fromJobApi.get(fromJobApi.size() - 1).type()).isEqualTo(EventType.JOB_COMPLETED);

        // History: every distinct event once, in position order, and the job's position is the last one applied
        // (job-api's own last events join the history positioned once they are back from the bus).
        bus.relayAnnouncements();
        List<String> applied = as("bob").get("/api/jobs/" + id + "/events?limit=1000").jsonPath().getList("items.position");
        assertThat(applied.get(applied.size() - 1)).isEqualTo(Api.job("bob", id).getString("position"));
        JsonPath history = as("bob").get("/api/jobs/" + id + "/events?limit=1000").then().statusCode(200).extract().jsonPath();
        List<String> ids = history.getList("items.id");
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).containsAll(script.stream().map(StageEvent::id).distinct().toList());
        List<String> positions = history.getList("items.position");
        assertThat(positions).isSortedAccordingTo((a, b) -> Long.compare(offset(a), offset(b)));
        assertThat(history.getString("items[0].type")).isEqualTo("job:created");
        assertThat(history.getString("items[0].userId")).isEqualTo(owner);

        String third = positions.get(2);
        JsonPath page = as("bob").get("/api/jobs/" + id + "/events?after=" + third + "&limit=2").jsonPath();
        assertThat(page.getList("items.position", String.class)).containsExactly(positions.get(3), positions.get(4));
        assertThat(page.getString("next")).isEqualTo(positions.get(4));
        assertThat(as("bob").get("/api/jobs/" + id + "/events?limit=1000").jsonPath().getString("next")).isNull();
        as("bob").get("/api/jobs/" + id + "/events?after=seven").then().statusCode(400);

        assertThat(as("bob").get("/api/jobs/" + id + "/screenshots").then().statusCode(200).extract().jsonPath().getList("id"))
                .containsExactly("s1", "s2", "s3");
        JsonPath ocr = as("bob").get("/api/jobs/" + id + "/ocr-results").then().statusCode(200).extract().jsonPath();
        assertThat(ocr.getList("status")).containsOnly("completed");
        assertThat(ocr.getList("match.status")).containsExactlyInAnyOrder("matched", "matched", "unmatched");
        assertThat(as("bob").get("/api/jobs/" + id + "/labels").jsonPath().getList("pngUrl")).containsExactlyInAnyOrder("/api/files/p1", "/api/files/p2");
    }

    @Test
    void jobOfAnotherSystemIsRecordedWithItsOwnerAndStatus() {
        String id = "acme:" + UUID.randomUUID();
        String owner = sub("carol");
        bus.deliver(event(EventType.JOB_PROGRESS, "https://acme.example/erp", id, owner, Map.of("progress", 40, "stage", "import")));
        bus.deliver(event(EventType.JOB_COMPLETED, "https://acme.example/erp", id, owner, Map.of("totalProducts", 1, "successfulOCR", 1,
                "failedOCR", 0, "matched", 1, "unmatched", 0, "labelsGenerated", 1, "totalProcessingTime", 5, "stageDurations", Map.of())));

        JsonPath job = Api.job("carol", id);
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getString("kind")).isEqualTo("external");
        assertThat(job.getString("userId")).isEqualTo(owner);
        assertThat(job.getFloat("progress")).isEqualTo(100f);
        as("bob").get("/api/jobs/" + id).then().statusCode(404);
        assertThat(as("carol").get("/api/jobs/" + id + "/events").jsonPath().getList("items.type")).containsExactly("job:progress", "job:completed");
        as("carol").post("/api/jobs/" + id + "/cancel").then().statusCode(409);
    }

    @Test
    void aRecordThatIsNoStageEventIsDeadLetteredWithTheReasonAndTheRestOfItsBatchIsApplied() {
        String id = bus.announcedJob("bob", 1);
        String key = "broken:" + UUID.randomUUID();
        bus.deliverRecords(List.of(new ProducerRecord<>(Topics.JOB_EVENTS, key, "not a cloud event".getBytes(StandardCharsets.UTF_8)),
                StageEventCodec.toRecord(Topics.JOB_EVENTS, event(EventType.CRAWL_STARTED, CRAWLER, id, sub("bob"), Map.of()))));

        assertThat(bus.deadLetterReasons(key)).singleElement().asString().startsWith("not a CloudEvent");
        assertThat(Api.job("bob", id).getString("status")).isEqualTo("crawling");
    }

    private static long offset(String position) {
        return Long.parseLong(position.substring(position.indexOf('-') + 1));
    }
}
