package io.stagewire.jobapi.messaging;

import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.Topics;
import io.stagewire.events.work.CrawlRequest;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.EventBus;
import io.stagewire.jobapi.support.InMemoryJobEvents;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cancel ends a job with job:cancelled; retry sends only the failed items to the workers again. */
@QuarkusTest
@TestProfile(InMemoryJobEvents.Profile.class)
class CancelAndRetryTest {
    private static final String CRAWLER = "/stagewire/crawler-worker";
    private static final String OCR = "/stagewire/ocr-worker";

    @Inject
    EventBus bus;

    private void send(EventType type, String source, String jobId, Map<String, Object> data) {
        bus.deliver(StageEvent.of(type, source, jobId, sub("bob"), StageEventJson.mapper().valueToTree(data)));
    }

    @Test
    void cancelledJobEndsWithJobCancelledAndLaterWorkChangesNothing() {
        String id = bus.announcedJob("bob", 5);
        send(EventType.CRAWL_STARTED, CRAWLER, id, Map.of());
        Api.awaitStatus("bob", id, "crawling");

        as("bob").post("/api/jobs/" + id + "/cancel").then().statusCode(202)
                .body("status", equalTo("cancelled")).body("stage", equalTo("crawl"));
        as("bob").post("/api/jobs/" + id + "/cancel").then().statusCode(409).body("detail", equalTo("job '" + id + "' is already cancelled"));

        // an item that was in flight when the job was cancelled
        send(EventType.SCREENSHOT_CAPTURED, CRAWLER, id, Map.of("screenshotId", "late", "fileId", "f", "productUrl", "https://shop.example/p"));
        // job:cancelled is job-api's last word.
        List<StageEvent> fromJobApi = bus.announced(id);
        assertThat(fromJobApi).extracting(StageEvent::type).containsOnlyOnce(EventType.JOB_CANCELLED).last().isEqualTo(EventType.JOB_CANCELLED);
        assertThat(fromJobApi.get(fromJobApi.size() - 1).field("cancelledBy").asText()).isEqualTo(sub("bob"));
        assertThat(Api.job("bob", id).getString("status")).isEqualTo("cancelled");
        as("bob").post("/api/jobs/" + id + "/retry").then().statusCode(409);
    }

    @Test
    void retrySendsOnlyTheFailedOcrItemsAndTheJobCompletesAfterwards() {
        String id = bus.announcedJob("bob", 5);
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

        as("bob").post("/api/jobs/" + id + "/retry").then().statusCode(202)
                .body("status", equalTo("processing-ocr"))
                .body("counters.ocrFailed", equalTo(0))
                .body("counters.ocrCompleted", equalTo(1));
        // job-api sends OCR work only on a retry (the crawler sends the first requests): once each for b and c, none for a.
        assertThat(bus.work(Topics.OCR_REQUESTS, "b")).hasSize(1).extracting(r -> WorkMessages.read(r, OcrRequest.class).fileId())
                .containsExactly("file-b");
        assertThat(bus.work(Topics.OCR_REQUESTS, "c")).hasSize(1).extracting(r -> WorkMessages.read(r, OcrRequest.class).fileId())
                .containsExactly("file-c");
        assertThat(bus.work(Topics.OCR_REQUESTS, "a")).isEmpty();
        send(EventType.OCR_COMPLETED, OCR, id, Map.of("screenshotId", "b", "articleNumber", "B"));
        send(EventType.OCR_COMPLETED, OCR, id, Map.of("screenshotId", "c", "articleNumber", "C"));
        send(EventType.MATCH_FAILED, "/stagewire/label-worker", id, Map.of("screenshotId", "b", "reason", "unknown"));
        send(EventType.MATCH_FAILED, "/stagewire/label-worker", id, Map.of("screenshotId", "c", "reason", "unknown"));
        assertThat(Api.awaitStatus("bob", id, "completed").getInt("counters.ocrCompleted")).isEqualTo(3);
    }

    @Test
    void retryOfAFailedLabelSendsWhatOcrReadWithTheShopsPreviousPriceAndPrefix() {
        String id = bus.announcedJob("bob", 5);
        send(EventType.CRAWL_STARTED, CRAWLER, id, Map.of());
        send(EventType.SCREENSHOT_CAPTURED, CRAWLER, id, Map.of("screenshotId", "a", "fileId", "file-a", "productUrl", "https://shop.example/a"));
        send(EventType.CRAWL_COMPLETED, CRAWLER, id, Map.of("count", 1));
        send(EventType.OCR_COMPLETED, OCR, id, Map.of("screenshotId", "a", "articleNumber", "ART-77318",
                "price", new BigDecimal("97.26"), "previousPrice", new BigDecimal("121.58"), "pricePrefix", "ab", "currency", "EUR"));
        send(EventType.MATCH_FOUND, "/stagewire/label-worker", id, Map.of("screenshotId", "a", "articleNumber", "ART-77318"));
        send(EventType.LABEL_FAILED, "/stagewire/label-worker", id, Map.of("screenshotId", "a", "reason", "font missing"));
        // Its only label failed: the job failed, and may be retried.
        Api.awaitStatus("bob", id, "failed");
        assertThat(new BigDecimal(as("bob").get("/api/jobs/" + id + "/ocr-results").then().statusCode(200).extract()
                .jsonPath().getString("[0].previousPrice"))).isEqualByComparingTo("121.58");
        assertThat(as("bob").get("/api/jobs/" + id + "/ocr-results").then().extract().jsonPath().getString("[0].pricePrefix"))
                .isEqualTo("ab");

        assertThat(bus.work(Topics.LABEL_REQUESTS, "a")).as("the OCR worker sends the first label request").isEmpty();
        as("bob").post("/api/jobs/" + id + "/retry").then().statusCode(202);
        List<byte[]> sent = bus.work(Topics.LABEL_REQUESTS, "a");
        assertThat(sent).hasSize(1);
        LabelRequest again = WorkMessages.read(sent.get(0), LabelRequest.class);
        assertThat(again.price()).isEqualByComparingTo("97.26");
        assertThat(again.previousPrice()).isEqualByComparingTo("121.58");
        assertThat(again.pricePrefix()).isEqualTo("ab");
        assertThat(again.currency()).isEqualTo("EUR");
    }

    @Test
    void retryOfAFailedCrawlSendsANewCrawlRequest() {
        String id = bus.announcedJob("bob", 7);
        send(EventType.CRAWL_FAILED, CRAWLER, id, Map.of("reason", "DNS"));
        Api.awaitStatus("bob", id, "failed");

        assertThat(bus.work(Topics.CRAWL_REQUESTS, id)).hasSize(1);
        as("bob").post("/api/jobs/" + id + "/retry").then().statusCode(202).body("status", equalTo("pending"));
        List<byte[]> crawls = bus.work(Topics.CRAWL_REQUESTS, id);
        assertThat(crawls).hasSize(2);
        CrawlRequest again = WorkMessages.read(crawls.get(1), CrawlRequest.class);
        assertThat(again.crawlerConfig().maxProducts()).isEqualTo(7);
    }
}
