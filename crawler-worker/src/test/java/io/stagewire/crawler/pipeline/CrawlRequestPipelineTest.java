package io.stagewire.crawler.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.testing.SharedDataFixtures;
import io.stagewire.testing.StackUnderTest;
import io.stagewire.crawler.testing.TestSites;
import io.stagewire.testing.TopicWatcher;
import io.stagewire.testing.RecordProducer;
import io.stagewire.events.DeadLetterHeaders;
import io.stagewire.events.Decoded;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;
import io.stagewire.events.work.CrawlRequest;
import io.stagewire.events.work.CrawlerConfig;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.worker.messaging.RequestPathSample;
import io.stagewire.worker.messaging.RequestPathWarmUp;

/**
 * The worker wired into the pipeline: crawl.requests in, files in Postgres, stage events on job.events and OCR work on
 * ocr.requests out, against the real Kafka, Postgres (stagewire_test) and Chromium on the demo shop.
 */
@QuarkusTest
@WithTestResource(TestSites.class)
class CrawlRequestPipelineTest {

    private static final Duration CRAWL_TIMEOUT = Duration.ofSeconds(45);
    private static final String USER = "crawl-test-user";

    @Inject
    DataSource dataSource;

    @Inject
    CrawlRequestProcessor processor;

    @Inject
    RequestPathWarmUp warmUp;

    private SharedDataFixtures jobs;
    private RecordProducer producer;
    private TopicWatcher watcher;

    /** A running stack's crawler-worker would take this test's requests too (StackUnderTest). */
    @BeforeAll
    static void noRunningCrawler() {
        StackUnderTest.requireNoServiceReading("crawler-worker", Topics.CRAWL_REQUESTS);
    }

    @BeforeEach
    void connect() {
        jobs = new SharedDataFixtures(dataSource);
        producer = new RecordProducer();
        watcher = new TopicWatcher(Topics.JOB_EVENTS, Topics.OCR_REQUESTS, Topics.CRAWL_REQUESTS + Topics.DLQ_SUFFIX);
    }

    @AfterEach
    void disconnect() {
        watcher.close();
        producer.close();
    }

    /**
     * The start's warm-up of a request's path (RequestPathWarmUp with CrawlRequestSample): both producers get their
     * topic's metadata from the broker, the ownership query finds no such job, and nothing is sent or stored.
     */
    @Test
    void theRequestPathWarmUpReachesKafkaAndPostgresAndLeavesNothing() {
        String id = "warm-up-" + UUID.randomUUID();
        RequestPathSample.Sample sample = new CrawlRequestSample().sample(id);

        List<String> topics = warmUp.warmUp(sample.request(), sample.firstEvent());

        assertThat(topics).containsExactlyInAnyOrder(Topics.JOB_EVENTS, Topics.OCR_REQUESTS);
        assertThat(watcher.drain(Duration.ofSeconds(1))).noneMatch(record -> id.equals(record.key()));
        assertThat(jobs.files(id)).isEmpty();
    }

    @Test
    void storesEachProductThenAnnouncesItAndAsksForItsOcrAndARedeliveryRepeatsNothingNew() {
        String jobId = jobs.job(USER, "crawling", "crawling");
        CrawlRequest request = request(jobId, 3);

        producer.send(WorkMessages.toRecord(request));
        List<ConsumerRecord<String, byte[]>> records = watcher.awaitUntil(
                seen -> events(seen, jobId).stream().anyMatch(e -> e.type() == EventType.CRAWL_COMPLETED)
                        && ocrRequests(seen, jobId).size() == 3,
                CRAWL_TIMEOUT);

        List<StageEvent> events = events(records, jobId);
        assertThat(events).extracting(StageEvent::type).containsExactly(EventType.CRAWL_STARTED,
                EventType.SCREENSHOT_CAPTURED, EventType.SCREENSHOT_CAPTURED, EventType.SCREENSHOT_CAPTURED,
                EventType.CRAWL_COMPLETED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo("/stagewire/crawler-worker");
            assertThat(e.userId()).isEqualTo(USER);
        });
        assertThat(events.getLast().field("count").asInt()).isEqualTo(3);
        assertThat(events.getLast().field("discoveredBy").asText()).isEqualTo("selectors");
        List<StageEvent> captured = events.subList(1, 4);
        assertThat(captured).extracting(e -> e.field("index").asInt()).containsExactly(0, 1, 2);
        assertThat(captured).allSatisfy(e -> {
            assertThat(e.field("productUrl").asText()).startsWith(TestSites.DEMO_SHOP);
            assertThat(e.field("productName").asText()).isNotBlank();
        });

        List<SharedDataFixtures.StoredFile> files = jobs.files(jobId);
        assertThat(files).extracting(SharedDataFixtures.StoredFile::id)
                .containsExactlyInAnyOrderElementsOf(captured.stream().map(e -> e.field("fileId").asText()).toList());
        assertThat(files).allSatisfy(file -> {
            assertThat(file.kind()).isEqualTo("screenshot");
            assertThat(file.contentType()).isEqualTo("image/png");
            assertThat(file.userId()).isEqualTo(USER);
            assertThat(new String(file.data(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        });

        List<OcrRequest> ocr = ocrRequests(records, jobId);
        assertThat(ocr).extracting(OcrRequest::screenshotId)
                .containsExactlyInAnyOrderElementsOf(captured.stream().map(e -> e.field("screenshotId").asText()).toList());
        assertThat(ocr).allSatisfy(o -> {
            assertThat(o.fileId()).isIn(files.stream().map(SharedDataFixtures.StoredFile::id).toList());
            assertThat(o.templateId()).isEqualTo("default");
            assertThat(o.ocrOnly()).isFalse();
        });

        // The same request again, as after a rebalance before the offset was committed.
        producer.send(WorkMessages.toRecord(request));
        List<ConsumerRecord<String, byte[]>> again = watcher.awaitUntil(
                seen -> events(seen, jobId).stream().filter(e -> e.type() == EventType.CRAWL_COMPLETED).count() == 2,
                CRAWL_TIMEOUT);

        List<StageEvent> repeated = events(again, jobId).subList(events.size(), events(again, jobId).size());
        assertThat(repeated).extracting(StageEvent::id).containsExactlyInAnyOrderElementsOf(ids(events));
        assertThat(repeated.getLast().field("count").asInt()).isEqualTo(3);
        assertThat(jobs.files(jobId)).extracting(SharedDataFixtures.StoredFile::id)
                .containsExactlyInAnyOrderElementsOf(files.stream().map(SharedDataFixtures.StoredFile::id).toList());
        List<String> ocrIds = ocrRequests(watcher.drain(Duration.ofSeconds(1)), jobId).stream()
                .map(OcrRequest::requestId).toList();
        assertThat(ocrIds).hasSize(6);
        assertThat(Set.copyOf(ocrIds)).isEqualTo(Set.copyOf(ocrIds.subList(0, 3)));
    }

    @Test
    void deadLettersAnUndecodableRequestWithTheReasonAndGoesOn() {
        String jobId = jobs.job(USER, "crawling", "crawling");

        producer.send(new ProducerRecord<>(Topics.CRAWL_REQUESTS, jobId, "{\"not\": \"a crawl request\"".getBytes(
                StandardCharsets.UTF_8)));
        producer.send(WorkMessages.toRecord(request(jobId, 1)));

        List<ConsumerRecord<String, byte[]>> records = watcher.awaitUntil(
                seen -> events(seen, jobId).stream().anyMatch(e -> e.type() == EventType.CRAWL_COMPLETED)
                        && seen.stream().anyMatch(r -> r.topic().endsWith(Topics.DLQ_SUFFIX) && jobId.equals(r.key())),
                CRAWL_TIMEOUT);

        ConsumerRecord<String, byte[]> deadLetter = records.stream()
                .filter(r -> r.topic().endsWith(Topics.DLQ_SUFFIX) && jobId.equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(deadLetter.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .contains("not a CrawlRequest");
        assertThat(events(records, jobId).getLast().field("count").asInt()).isEqualTo(1);
    }

    /** A forged request on another user's job: refused before the shop is fetched, nothing stored or sent. */
    @Tag("attack")
    @Test
    void deadLettersARequestWhoseUserDoesNotOwnTheJobAndTouchesNothing() {
        String jobId = jobs.job(USER, "crawling", "crawling");
        CrawlRequest genuine = request(jobId, 1);
        CrawlRequest forged = new CrawlRequest(UUID.randomUUID().toString(), jobId, "mallory", genuine.shopUrl(),
                genuine.templateId(), genuine.priceListId(), genuine.crawlerConfig());

        producer.send(WorkMessages.toRecord(forged));
        List<ConsumerRecord<String, byte[]>> records = watcher.awaitUntil(
                seen -> seen.stream().anyMatch(r -> r.topic().endsWith(Topics.DLQ_SUFFIX) && jobId.equals(r.key())),
                CRAWL_TIMEOUT);

        ConsumerRecord<String, byte[]> deadLetter = records.stream()
                .filter(r -> r.topic().endsWith(Topics.DLQ_SUFFIX) && jobId.equals(r.key())).findFirst().orElseThrow();
        assertThat(new String(deadLetter.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo("userId 'mallory' is not the owner of job " + jobId);
        assertThat(events(watcher.drain(Duration.ofSeconds(1)), jobId)).isEmpty();
        assertThat(jobs.files(jobId)).isEmpty();
    }

    @Test
    void crawlsWithTheSelectorsOfTheJobsCrawlerConfig() {
        String jobId = jobs.job(USER, "crawling", "crawling");
        // A product-link selector that matches nothing on the demo shop: the crawl must use it, not the defaults.
        CrawlRequest request = new CrawlRequest(UUID.randomUUID().toString(), jobId, USER, TestSites.DEMO_SHOP + "/",
                "default", null, new CrawlerConfig(3, 1, "a.no-such-link", null, null));

        processor.process(request);

        List<StageEvent> events = events(watcher.awaitUntil(
                seen -> events(seen, jobId).stream().anyMatch(e -> e.type() == EventType.CRAWL_FAILED), CRAWL_TIMEOUT),
                jobId);
        assertThat(events.getLast().field("reason").asText())
                .contains("no product links found").contains("selectors tried: a.no-such-link)");
    }

    @Test
    void sendsNothingForAJobCancelledBeforeTheCrawl() {
        String jobId = jobs.job(USER, "cancelled", "crawling");

        processor.process(request(jobId, 3));

        assertThat(events(watcher.drain(Duration.ofSeconds(1)), jobId)).isEmpty();
        assertThat(jobs.files(jobId)).isEmpty();
    }

    @Test
    void stopsAtTheNextPageWhenTheJobIsCancelledDuringTheCrawlAndSendsNothingMore() {
        String jobId = jobs.job(USER, "crawling", "crawling");
        CompletableFuture<Void> crawl = CompletableFuture.runAsync(() -> processor.process(request(jobId, 20)));

        watcher.awaitUntil(seen -> events(seen, jobId).stream().anyMatch(e -> e.type() == EventType.SCREENSHOT_CAPTURED),
                CRAWL_TIMEOUT);
        jobs.setJobStatus(jobId, "cancelled");
        crawl.join();

        List<StageEvent> events = events(watcher.drain(Duration.ofSeconds(1)), jobId);
        assertThat(events).extracting(StageEvent::type)
                .doesNotContain(EventType.CRAWL_COMPLETED, EventType.CRAWL_FAILED);
        long captured = events.stream().filter(e -> e.type() == EventType.SCREENSHOT_CAPTURED).count();
        // Products whose pages were loading before the status changed may still come; then it stops.
        assertThat(captured).isBetween(1L, 5L);
        assertThat(jobs.files(jobId)).hasSize((int) captured);
    }

    private static CrawlRequest request(String jobId, int maxProducts) {
        return new CrawlRequest(UUID.randomUUID().toString(), jobId, USER, TestSites.DEMO_SHOP + "/", "default", null,
                new CrawlerConfig(maxProducts, null));
    }

    private static List<StageEvent> events(List<ConsumerRecord<String, byte[]>> records, String jobId) {
        return records.stream()
                .filter(r -> r.topic().equals(Topics.JOB_EVENTS) && jobId.equals(r.key()))
                .map(StageEventCodec::decode)
                .map(decoded -> switch (decoded) {
                    case Decoded.Valid valid -> valid.event();
                    case Decoded.Invalid invalid -> throw new AssertionError("invalid event: " + invalid.reason());
                })
                .toList();
    }

    private static List<OcrRequest> ocrRequests(List<ConsumerRecord<String, byte[]>> records, String jobId) {
        return records.stream()
                .filter(r -> r.topic().equals(Topics.OCR_REQUESTS))
                .map(r -> WorkMessages.read(r.value(), OcrRequest.class))
                .filter(o -> o.jobId().equals(jobId))
                .toList();
    }

    private static Set<String> ids(List<StageEvent> events) {
        return events.stream().map(StageEvent::id).collect(Collectors.toSet());
    }
}
