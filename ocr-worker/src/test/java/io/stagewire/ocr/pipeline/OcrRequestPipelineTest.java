package io.stagewire.ocr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.events.DeadLetterHeaders;
import io.stagewire.events.Decoded;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.events.work.PageEvidence;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.ocr.DemoShopScreenshots;
import io.stagewire.ocr.DemoShopScreenshots.Screenshot;
import io.stagewire.testing.SharedDataFixtures;
import io.stagewire.testing.StackUnderTest;
import io.stagewire.ocr.testing.SparsePng;
import io.stagewire.testing.TopicWatcher;
import io.stagewire.testing.RecordProducer;

/**
 * The worker wired into the pipeline: ocr.requests in, the screenshot read from Postgres (stagewire_test), stage
 * events on job.events and label work on label.requests out, against the real Kafka and a demo-shop screenshot.
 */
@QuarkusTest
class OcrRequestPipelineTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final String USER = "ocr-test-user";
    private static final Screenshot SPEAKER = DemoShopScreenshots.bySlug("bluetooth-speaker-mini");

    @Inject
    DataSource dataSource;

    @Inject
    OcrRequestProcessor processor;

    private SharedDataFixtures jobs;
    private RecordProducer producer;
    private TopicWatcher watcher;

    /** A running stack's ocr-worker would take this test's requests too (StackUnderTest). */
    @BeforeAll
    static void noRunningOcrWorker() {
        StackUnderTest.requireNoServiceReading("ocr-worker", Topics.OCR_REQUESTS);
    }

    @BeforeEach
    void connect() {
        jobs = new SharedDataFixtures(dataSource);
        producer = new RecordProducer();
        watcher = new TopicWatcher(Topics.JOB_EVENTS, Topics.LABEL_REQUESTS, Topics.OCR_REQUESTS + Topics.DLQ_SUFFIX);
    }

    @AfterEach
    void disconnect() {
        watcher.close();
        producer.close();
    }

    @Test
    void readsTheScreenshotThenAsksForItsLabelAndARedeliveryRepeatsTheSameIds() {
        String jobId = jobs.job(USER, "processing", "ocr");
        OcrRequest request = request(jobId, jobs.screenshot(USER, jobId, SPEAKER.png()), false);

        producer.send(WorkMessages.toRecord(request));
        List<ConsumerRecord<String, byte[]>> records = watcher.awaitUntil(
                seen -> ended(seen, jobId) == 1 && labelRequests(seen, jobId).size() == 1, TIMEOUT);

        List<StageEvent> events = events(records, jobId);
        assertThat(events).extracting(StageEvent::type).containsExactly(EventType.OCR_STARTED, EventType.OCR_COMPLETED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo("/stagewire/ocr-worker");
            assertThat(e.userId()).isEqualTo(USER);
            assertThat(e.field("screenshotId").asText()).isEqualTo(request.screenshotId());
        });
        StageEvent completed = events.getLast();
        assertThat(completed.field("articleNumber").asText()).isEqualTo(SPEAKER.article());
        assertThat(completed.field("price").decimalValue()).isEqualByComparingTo(SPEAKER.price());
        assertThat(completed.field("currency").asText()).isEqualTo(SPEAKER.currency());
        assertThat(completed.field("confidence").get("articleNumber").asInt()).isPositive();
        assertThat(completed.field("ocrResultId").asText()).isNotBlank();

        LabelRequest label = labelRequests(records, jobId).getFirst();
        assertThat(label.screenshotId()).isEqualTo(request.screenshotId());
        assertThat(label.templateId()).isEqualTo("default");
        assertThat(label.priceListId()).isEqualTo("demo-prices");
        assertThat(label.articleNumber()).isEqualTo(SPEAKER.article());
        assertThat(label.price()).isEqualByComparingTo(SPEAKER.price());
        assertThat(label.currency()).isEqualTo(SPEAKER.currency());
        assertThat(label.ean()).isEqualTo(SPEAKER.ean());
        assertThat(records.stream().filter(r -> r.topic().equals(Topics.LABEL_REQUESTS)).map(ConsumerRecord::key))
                .contains(request.screenshotId());

        // The same request again, as after a rebalance before the offset was committed.
        producer.send(WorkMessages.toRecord(request));
        List<ConsumerRecord<String, byte[]>> again = watcher.awaitUntil(
                seen -> ended(seen, jobId) == 2 && labelRequests(seen, jobId).size() == 2, TIMEOUT);

        List<StageEvent> all = events(again, jobId);
        assertThat(all.subList(2, all.size())).extracting(StageEvent::id)
                .containsExactlyElementsOf(events.stream().map(StageEvent::id).toList());
        assertThat(labelRequests(again, jobId)).extracting(LabelRequest::requestId).containsOnly(label.requestId());
    }

    @Test
    void reportsTheReadingButAsksForNoLabelWhenOcrOnly() {
        String jobId = jobs.job(USER, "processing", "ocr");

        producer.send(WorkMessages.toRecord(request(jobId, jobs.screenshot(USER, jobId, SPEAKER.png()), true)));
        watcher.awaitUntil(seen -> ended(seen, jobId) == 1, TIMEOUT);

        List<ConsumerRecord<String, byte[]>> records = watcher.drain(QUIET);
        assertThat(events(records, jobId)).extracting(StageEvent::type)
                .containsExactly(EventType.OCR_STARTED, EventType.OCR_COMPLETED);
        assertThat(events(records, jobId).getLast().field("articleNumber").asText()).isEqualTo(SPEAKER.article());
        assertThat(labelRequests(records, jobId)).isEmpty();
    }

    @Test
    void failsTheItemWithTheReasonWhenTheImageIsCorrupt() {
        String jobId = jobs.job(USER, "processing", "ocr");
        byte[] truncated = Arrays.copyOf(SPEAKER.png(), 200);

        producer.send(WorkMessages.toRecord(request(jobId, jobs.screenshot(USER, jobId, truncated), false)));
        watcher.awaitUntil(seen -> ended(seen, jobId) == 1, TIMEOUT);

        List<ConsumerRecord<String, byte[]>> records = watcher.drain(QUIET);
        List<StageEvent> events = events(records, jobId);
        assertThat(events).extracting(StageEvent::type).containsExactly(EventType.OCR_STARTED, EventType.OCR_FAILED);
        assertThat(events.getLast().field("reason").asText()).isNotBlank();
        assertThat(labelRequests(records, jobId)).isEmpty();
        assertThat(records).noneMatch(r -> r.topic().endsWith(Topics.DLQ_SUFFIX));
    }

    /**
     * The attack of issue #10: a 36-megapixel PNG of about 120 KB, inside the 40 MP and 10 MB limits, took the
     * worker's heap (-Xmx256m, as ./stagewire runs it) in RgbImage.fromImage; the request was dead-lettered and the
     * job waited forever. Such an image (and any 12-48 MP phone photo) is now read subsampled: at 1/2 here, never
     * decoded at full size. Only an image that does not fit even at 1/4 (169 MP) fails, with the numbers.
     */
    @Tag("attack")
    @Test
    void readsAScreenshotOverTheHeapSubsampledFailsOneBeyondTheCoarsestAndReadsTheNextOne() {
        String jobId = jobs.job(USER, "processing", "ocr");
        byte[] large = SparsePng.white(6000, 6000, SparsePng.RGB);
        assertThat(large.length).isLessThan(200_000);
        byte[] absurd = SparsePng.white(13_000, 13_000, SparsePng.RGB);
        OcrRequest photo = request(jobId, jobs.screenshot(USER, jobId, large), false);
        OcrRequest attack = request(jobId, jobs.screenshot(USER, jobId, absurd), false);
        OcrRequest next = request(jobId, jobs.screenshot(USER, jobId, SPEAKER.png()), false);

        producer.send(WorkMessages.toRecord(photo));
        producer.send(WorkMessages.toRecord(attack));
        producer.send(WorkMessages.toRecord(next));
        List<ConsumerRecord<String, byte[]>> records = watcher.awaitUntil(
                seen -> ended(seen, jobId) == 3 && labelRequests(seen, jobId).size() == 2, TIMEOUT);

        List<StageEvent> events = events(records, jobId);
        assertThat(events).filteredOn(e -> e.field("screenshotId").asText().equals(photo.screenshotId()))
                .extracting(StageEvent::type).containsExactly(EventType.OCR_STARTED, EventType.OCR_COMPLETED);
        StageEvent failed = events.stream().filter(e -> e.field("screenshotId").asText().equals(attack.screenshotId()))
                .filter(e -> e.type() == EventType.OCR_FAILED).findFirst().orElseThrow();
        assertThat(failed.field("reason").asText()).contains("13000x13000 (169000000 pixels")
                .contains("even read at 1/4 of its width and height (3250x3250) it exceeds the limit of")
                .contains("MiB");
        assertThat(events).filteredOn(e -> e.field("screenshotId").asText().equals(next.screenshotId()))
                .extracting(StageEvent::type).containsExactly(EventType.OCR_STARTED, EventType.OCR_COMPLETED);
        assertThat(labelRequests(records, jobId)).extracting(LabelRequest::screenshotId)
                .containsExactlyInAnyOrder(photo.screenshotId(), next.screenshotId());
        assertThat(records).noneMatch(r -> r.topic().endsWith(Topics.DLQ_SUFFIX)
                && (attack.screenshotId().equals(r.key()) || photo.screenshotId().equals(r.key())));
    }

    /** A forged request: another user's job, or no job of job-api's. Nothing is read or sent for it. */
    @Tag("attack")
    @Test
    void deadLettersARequestWhoseUserDoesNotOwnTheJobAndSendsNothingToIt() {
        String bobsJob = jobs.job(USER, "processing", "ocr");
        String bobsFile = jobs.screenshot(USER, bobsJob, SPEAKER.png());
        OcrRequest forged = new OcrRequest(UUID.randomUUID().toString(), bobsJob, "carol", "screenshot-" + UUID.randomUUID(),
                bobsFile, null, null, true);
        OcrRequest noJob = new OcrRequest(UUID.randomUUID().toString(), "no-such-job-" + UUID.randomUUID(), USER,
                "screenshot-" + UUID.randomUUID(), bobsFile, null, null, true);
        OcrRequest next = request(bobsJob, bobsFile, true);

        producer.send(WorkMessages.toRecord(forged));
        producer.send(WorkMessages.toRecord(noJob));
        producer.send(WorkMessages.toRecord(next));
        List<ConsumerRecord<String, byte[]>> records = watcher.awaitUntil(seen -> ended(seen, bobsJob) == 1
                && isDeadLetter(seen, forged.screenshotId()) != null && isDeadLetter(seen, noJob.screenshotId()) != null,
                TIMEOUT);

        assertThat(reason(isDeadLetter(records, forged.screenshotId())))
                .isEqualTo("userId 'carol' is not the owner of job " + bobsJob);
        assertThat(reason(isDeadLetter(records, noJob.screenshotId()))).contains("does not exist");
        assertThat(events(watcher.drain(QUIET), bobsJob))
                .allSatisfy(e -> assertThat(e.field("screenshotId").asText()).isEqualTo(next.screenshotId()))
                .allSatisfy(e -> assertThat(e.userId()).isEqualTo(USER));
    }

    /** The job is the user's, the file it names is not (or is larger than any screenshot): the item fails. */
    @Tag("attack")
    @Test
    void failsTheItemWhenTheFileIsAnotherUsersOrTooLarge() {
        String carolsJob = jobs.job("carol", "processing", "ocr");
        String bobsJob = jobs.job(USER, "processing", "ocr");
        String bobsFile = jobs.screenshot(USER, bobsJob, SPEAKER.png());
        String carolsHugeFile = jobs.screenshot("carol", carolsJob, new byte[10 * 1024 * 1024 + 1]);
        OcrRequest foreignFile = new OcrRequest(UUID.randomUUID().toString(), carolsJob, "carol",
                "screenshot-" + UUID.randomUUID(), bobsFile, "default", null, false);
        OcrRequest hugeFile = new OcrRequest(UUID.randomUUID().toString(), carolsJob, "carol",
                "screenshot-" + UUID.randomUUID(), carolsHugeFile, "default", null, false);

        producer.send(WorkMessages.toRecord(foreignFile));
        producer.send(WorkMessages.toRecord(hugeFile));
        List<ConsumerRecord<String, byte[]>> records = watcher.awaitUntil(seen -> ended(seen, carolsJob) == 2, TIMEOUT);

        List<StageEvent> failures = events(records, carolsJob).stream().filter(e -> e.type() == EventType.OCR_FAILED).toList();
        assertThat(failures).extracting(e -> e.field("reason").asText()).containsExactlyInAnyOrder(
                "no screenshot file " + bobsFile + " of the job's owner",
                "the screenshot file " + carolsHugeFile + " has 10485761 bytes, more than the limit of 10485760");
        assertThat(labelRequests(watcher.drain(QUIET), carolsJob)).isEmpty();
    }

    @Test
    void deadLettersAnUndecodableRequestWithTheReasonAndGoesOn() {
        String jobId = jobs.job(USER, "processing", "ocr");
        String key = "malformed-" + UUID.randomUUID();

        producer.send(new ProducerRecord<>(Topics.OCR_REQUESTS, key,
                "{\"not\": \"an ocr request\"".getBytes(StandardCharsets.UTF_8)));
        producer.send(WorkMessages.toRecord(request(jobId, jobs.screenshot(USER, jobId, SPEAKER.png()), false)));

        List<ConsumerRecord<String, byte[]>> records = watcher.awaitUntil(
                seen -> ended(seen, jobId) == 1 && seen.stream().anyMatch(r -> isDeadLetter(r, key)), TIMEOUT);

        ConsumerRecord<String, byte[]> deadLetter = records.stream().filter(r -> isDeadLetter(r, key)).findFirst()
                .orElseThrow();
        assertThat(new String(deadLetter.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .contains("not a OcrRequest");
        assertThat(events(records, jobId).getLast().type()).isEqualTo(EventType.OCR_COMPLETED);
    }

    @Test
    void checksTheReadingAgainstWhatThePageStatesAndKeepsTheReading() {
        String jobId = jobs.job(USER, "processing", "ocr");
        OcrRequest plain = request(jobId, jobs.screenshot(USER, jobId, SPEAKER.png()), false);
        // The page states the article number as read and another price: the price disagrees, the label keeps the read one.
        OcrRequest withEvidence = new OcrRequest(plain.requestId(), plain.jobId(), plain.userId(), plain.screenshotId(),
                plain.fileId(), plain.templateId(), plain.priceListId(), false,
                new PageEvidence("json-ld", null, "0.01", "EUR", SPEAKER.article(), null));

        producer.send(WorkMessages.toRecord(withEvidence));
        watcher.awaitUntil(seen -> ended(seen, jobId) == 1 && labelRequests(seen, jobId).size() == 1, TIMEOUT);

        List<ConsumerRecord<String, byte[]>> records = watcher.drain(QUIET);
        StageEvent completed = events(records, jobId).getLast();
        assertThat(completed.field("evidence").path("source").asText()).isEqualTo("json-ld");
        assertThat(completed.field("disagreements")).singleElement().satisfies(d -> {
            assertThat(d.path("field").asText()).isEqualTo("price");
            assertThat(d.path("stated").asText()).isEqualTo("0.01");
            assertThat(new BigDecimal(d.path("read").asText())).isEqualByComparingTo(SPEAKER.price());
        });
        assertThat(labelRequests(records, jobId).getFirst().price()).isEqualByComparingTo(SPEAKER.price());
    }

    @Test
    void sendsNothingForACancelledJob() {
        String jobId = jobs.job(USER, "cancelled", "ocr");

        processor.process(request(jobId, jobs.screenshot(USER, jobId, SPEAKER.png()), false));

        List<ConsumerRecord<String, byte[]>> records = watcher.drain(QUIET);
        assertThat(events(records, jobId)).isEmpty();
        assertThat(labelRequests(records, jobId)).isEmpty();
    }

    private static OcrRequest request(String jobId, String fileId, boolean ocrOnly) {
        return new OcrRequest(UUID.randomUUID().toString(), jobId, USER, "screenshot-" + UUID.randomUUID(), fileId,
                ocrOnly ? null : "default", ocrOnly ? null : "demo-prices", ocrOnly);
    }

    private static ConsumerRecord<String, byte[]> isDeadLetter(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> isDeadLetter(r, key)).findFirst().orElse(null);
    }

    private static String reason(ConsumerRecord<String, byte[]> deadLetter) {
        return new String(deadLetter.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8);
    }

    private static boolean isDeadLetter(ConsumerRecord<String, byte[]> record, String key) {
        return record.topic().equals(Topics.OCR_REQUESTS + Topics.DLQ_SUFFIX) && key.equals(record.key());
    }

    private static long ended(List<ConsumerRecord<String, byte[]>> records, String jobId) {
        return events(records, jobId).stream()
                .filter(e -> e.type() == EventType.OCR_COMPLETED || e.type() == EventType.OCR_FAILED).count();
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

    private static List<LabelRequest> labelRequests(List<ConsumerRecord<String, byte[]>> records, String jobId) {
        return records.stream()
                .filter(r -> r.topic().equals(Topics.LABEL_REQUESTS))
                .map(r -> WorkMessages.read(r.value(), LabelRequest.class))
                .filter(l -> l.jobId().equals(jobId))
                .toList();
    }
}
