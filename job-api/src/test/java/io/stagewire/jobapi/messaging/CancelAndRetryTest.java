package io.stagewire.jobapi.messaging;

import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.Topics;
import io.stagewire.events.work.CrawlRequest;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.JobEventsConsumerReady;
import io.stagewire.jobapi.support.Kafka;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cancel ends a job with job:cancelled; retry sends only the failed items to the workers again. */
@QuarkusTest
class CancelAndRetryTest {
    private static final String CRAWLER = "/stagewire/crawler-worker";
    private static final String OCR = "/stagewire/ocr-worker";

    @BeforeEach
    void consumerIsAssigned() {
        JobEventsConsumerReady.await();
    }

    private static void send(EventType type, String source, String jobId, Map<String, Object> data) {
        Kafka.send(StageEvent.of(type, source, jobId, sub("bob"), StageEventJson.mapper().valueToTree(data)));
    }

    @Test
    void cancelledJobEndsWithJobCancelledAndLaterWorkChangesNothing() {
        String id = Api.createAnnouncedJob("bob", 5);
        send(EventType.CRAWL_STARTED, CRAWLER, id, Map.of());
        Api.awaitStatus("bob", id, "crawling");

        try (Kafka.Tail events = Kafka.tail(Topics.JOB_EVENTS)) {
            as("bob").post("/api/jobs/" + id + "/cancel").then().statusCode(202)
                    .body("status", equalTo("cancelled")).body("stage", equalTo("crawl"));
            as("bob").post("/api/jobs/" + id + "/cancel").then().statusCode(409).body("detail", equalTo("job '" + id + "' is already cancelled"));

            // an item that was in flight when the job was cancelled
            send(EventType.SCREENSHOT_CAPTURED, CRAWLER, id, Map.of("screenshotId", "late", "fileId", "f", "productUrl", "https://shop.example/p"));
            // What job-api announced before the cancel may still be on its way; job:cancelled is its last word.
            List<StageEvent> fromJobApi = JobLifecycleFromEventsTest.fromJobApi(events.during(id, Duration.ofSeconds(3)));
            assertThat(fromJobApi).extracting(StageEvent::type).containsOnlyOnce(EventType.JOB_CANCELLED).last().isEqualTo(EventType.JOB_CANCELLED);
            assertThat(fromJobApi.get(fromJobApi.size() - 1).field("cancelledBy").asText()).isEqualTo(sub("bob"));
        }
        assertThat(Api.job("bob", id).getString("status")).isEqualTo("cancelled");
        as("bob").post("/api/jobs/" + id + "/retry").then().statusCode(409);
    }

    @Test
    void retrySendsOnlyTheFailedOcrItemsAndTheJobCompletesAfterwards() {
        String id = Api.createAnnouncedJob("bob", 5);
        send(EventType.CRAWL_STARTED, CRAWLER, id, Map.of());
        for (String s : List.of("a", "b", "c")) {
            send(EventType.SCREENSHOT_CAPTURED, CRAWLER, id, Map.of("screenshotId", s, "fileId", "file-" + s, "productUrl", "https://shop.example/" + s));
        }
        send(EventType.CRAWL_COMPLETED, CRAWLER, id, Map.of("count", 3));
        send(EventType.OCR_COMPLETED, OCR, id, Map.of("screenshotId", "a", "articleNumber", "A"));
        send(EventType.OCR_FAILED, OCR, id, Map.of("screenshotId", "b", "reason", "blurred"));
        send(EventType.OCR_FAILED, OCR, id, Map.of("screenshotId", "c", "reason", "blurred"));
        send(EventType.MATCH_FOUND, "/stagewire/label-worker", id, Map.of("screenshotId", "a", "articleNumber", "A"));
        as("bob").post("/api/jobs/" + id + "/retry").then().statusCode(409); // not finished yet
        send(EventType.LABEL_GENERATED, "/stagewire/label-worker", id, Map.of("labelId", "l", "screenshotId", "a", "pngFileId", "p", "pdfFileId", "d"));
        Api.awaitStatus("bob", id, "completed");

        try (Kafka.Tail ocr = Kafka.tail(Topics.OCR_REQUESTS)) {
            as("bob").post("/api/jobs/" + id + "/retry").then().statusCode(202)
                    .body("status", equalTo("processing-ocr"))
                    .body("counters.ocrFailed", equalTo(0))
                    .body("counters.ocrCompleted", equalTo(1));
            List<ConsumerRecord<String, byte[]>> requests = ocr.await("b", 1, Duration.ofSeconds(10));
            requests = new java.util.ArrayList<>(requests);
            requests.addAll(ocr.await("c", 1, Duration.ofSeconds(10)));
            assertThat(requests).extracting(r -> WorkMessages.read(r.value(), OcrRequest.class).fileId())
                    .containsExactlyInAnyOrder("file-b", "file-c");
            assertThat(ocr.during("a", Duration.ofSeconds(1))).isEmpty();
        }
        send(EventType.OCR_COMPLETED, OCR, id, Map.of("screenshotId", "b", "articleNumber", "B"));
        send(EventType.OCR_COMPLETED, OCR, id, Map.of("screenshotId", "c", "articleNumber", "C"));
        send(EventType.MATCH_FAILED, "/stagewire/label-worker", id, Map.of("screenshotId", "b", "reason", "unknown"));
        send(EventType.MATCH_FAILED, "/stagewire/label-worker", id, Map.of("screenshotId", "c", "reason", "unknown"));
        assertThat(Api.awaitStatus("bob", id, "completed").getInt("counters.ocrCompleted")).isEqualTo(3);
    }

    @Test
    void retryOfAFailedLabelSendsWhatOcrReadWithTheShopsPreviousPrice() {
        String id = Api.createAnnouncedJob("bob", 5);
        send(EventType.CRAWL_STARTED, CRAWLER, id, Map.of());
        send(EventType.SCREENSHOT_CAPTURED, CRAWLER, id, Map.of("screenshotId", "a", "fileId", "file-a", "productUrl", "https://shop.example/a"));
        send(EventType.CRAWL_COMPLETED, CRAWLER, id, Map.of("count", 1));
        send(EventType.OCR_COMPLETED, OCR, id, Map.of("screenshotId", "a", "articleNumber", "ART-77318",
                "price", new BigDecimal("97.26"), "previousPrice", new BigDecimal("121.58"), "currency", "EUR"));
        send(EventType.MATCH_FOUND, "/stagewire/label-worker", id, Map.of("screenshotId", "a", "articleNumber", "ART-77318"));
        send(EventType.LABEL_FAILED, "/stagewire/label-worker", id, Map.of("screenshotId", "a", "reason", "font missing"));
        // Its only label failed: the job failed, and may be retried.
        Api.awaitStatus("bob", id, "failed");
        assertThat(new BigDecimal(as("bob").get("/api/jobs/" + id + "/ocr-results").then().statusCode(200).extract()
                .jsonPath().getString("[0].previousPrice"))).isEqualByComparingTo("121.58");

        try (Kafka.Tail labels = Kafka.tail(Topics.LABEL_REQUESTS)) {
            as("bob").post("/api/jobs/" + id + "/retry").then().statusCode(202);
            LabelRequest again = WorkMessages.read(labels.await("a", 1, Duration.ofSeconds(10)).get(0).value(), LabelRequest.class);
            assertThat(again.price()).isEqualByComparingTo("97.26");
            assertThat(again.previousPrice()).isEqualByComparingTo("121.58");
            assertThat(again.currency()).isEqualTo("EUR");
        }
    }

    @Test
    void retryOfAFailedCrawlSendsANewCrawlRequest() {
        String id = Api.createAnnouncedJob("bob", 7);
        send(EventType.CRAWL_FAILED, CRAWLER, id, Map.of("reason", "DNS"));
        Api.awaitStatus("bob", id, "failed");

        try (Kafka.Tail crawls = Kafka.tail(Topics.CRAWL_REQUESTS)) {
            as("bob").post("/api/jobs/" + id + "/retry").then().statusCode(202).body("status", equalTo("pending"));
            CrawlRequest again = WorkMessages.read(crawls.await(id, 1, Duration.ofSeconds(10)).get(0).value(), CrawlRequest.class);
            assertThat(again.crawlerConfig().maxProducts()).isEqualTo(7);
        }
    }
}
