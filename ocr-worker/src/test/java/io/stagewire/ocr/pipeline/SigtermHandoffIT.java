package io.stagewire.ocr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.ocr.DemoShopScreenshots;
import io.stagewire.testing.SharedDataFixtures;
import io.stagewire.testing.PackagedWorkers;
import io.stagewire.testing.RecordProducer;
import io.stagewire.testing.StackUnderTest;
import io.stagewire.testing.TopicTail;

/**
 * Rolling restart of the packaged OCR worker: two instances in one fresh consumer group, a batch of OCR requests
 * for one job, SIGTERM to one while the batch is under way. Every screenshot must end with exactly one ocr:completed
 * (by event id), no ocr:failed, and nothing may reach ocr.requests.dlq: a reading in flight finishes, the records
 * not started stay uncommitted and go to the other instance.
 */
class SigtermHandoffIT {
    private static final int ITEMS = 24;
    private static final Duration GRACE = Duration.ofSeconds(30); // Kubernetes' terminationGracePeriodSeconds

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aWorkerStoppedWithSigtermMidBatchHandsItsScreenshotsToTheOtherInstanceWithNothingLostOrDoubled() throws Exception {
        assertThat(PackagedWorkers.JAR).as("packaged worker (mvn package)").exists();
        try (PackagedWorkers workers = new PackagedWorkers(Topics.OCR_REQUESTS, "ocr-requests", "ocr-worker-sigterm")) {
            Process a = workers.start("a", "sigterm-handoff", "256m", Map.of());
            Process b = workers.start("b", "sigterm-handoff", "256m", Map.of());
            workers.awaitMembersWithPartitions(2);

            SharedDataFixtures jobs = new SharedDataFixtures(StackUnderTest.testDatabase());
            String userId = "user-" + UUID.randomUUID();
            String jobId = jobs.job(userId, "processing", "ocr");
            byte[] png = DemoShopScreenshots.bySlug("bluetooth-speaker-mini").png();

            try (TopicTail<StageEvent> events = new TopicTail<>(Topics.JOB_EVENTS, StageEventCodec::validEvent, StageEvent::jobId);
                    TopicTail<String> dlq = PackagedWorkers.deadLetters(Topics.OCR_REQUESTS);
                    RecordProducer producer = new RecordProducer()) {
                Set<String> screenshots = new HashSet<>();
                for (int i = 0; i < ITEMS; i++) {
                    String fileId = jobs.screenshot(userId, jobId, png);
                    OcrRequest request = new OcrRequest(UUID.randomUUID().toString(), jobId, userId,
                            "screenshot-" + UUID.randomUUID(), fileId, null, null, true);
                    screenshots.add(request.screenshotId());
                    producer.send(WorkMessages.toRecord(request));
                }

                int doneAtSigterm = completed(events.await(jobId, list -> completed(list) >= 3, Duration.ofSeconds(60)));
                Instant sigterm = Instant.now();
                a.destroy(); // SIGTERM
                assertThat(a.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS))
                        .as("instance A exits within the grace period after SIGTERM").isTrue();
                long stopMillis = Duration.between(sigterm, Instant.now()).toMillis();
                assertThat(doneAtSigterm).as("SIGTERM came mid-batch").isLessThan(ITEMS);

                try {
                    events.await(jobId, list -> completed(list) >= ITEMS, Duration.ofSeconds(90));
                } catch (AssertionError missing) {
                    // Not all came: the assertions below say how many are missing and whether they were dead-lettered.
                }
                List<StageEvent> all = events.during(jobId, Duration.ofSeconds(3)); // anything doubled arrives too
                List<String> deadLettered = dlq.drain().stream().map(ConsumerRecord::key).filter(screenshots::contains).toList();
                assertThat(deadLettered).as("dead-lettered screenshots (a record rejected while stopping must stay uncommitted)")
                        .isEmpty();
                Map<String, Set<String>> completedIds = new HashMap<>();
                all.stream().filter(e -> e.type() == EventType.OCR_COMPLETED).forEach(e -> completedIds
                        .computeIfAbsent(e.field("screenshotId").asText(), s -> new HashSet<>()).add(e.id()));
                Set<String> missing = new HashSet<>(screenshots);
                missing.removeAll(completedIds.keySet());
                assertThat(missing.size()).as("screenshots without ocr:completed (lost), SIGTERM after %d", doneAtSigterm).isZero();
                assertThat(completedIds.values().stream().filter(ids -> ids.size() != 1).count())
                        .as("screenshots with more than one ocr:completed event id (doubled)").isZero();
                assertThat(all).extracting(StageEvent::type).as("no failures")
                        .containsOnly(EventType.OCR_STARTED, EventType.OCR_COMPLETED);
                long redelivered = all.size() - all.stream().map(StageEvent::id).distinct().count();
                System.out.printf("OCR SIGTERM after %d/%d screenshots; A stopped in %d ms; %d events written twice (same id)%n",
                        doneAtSigterm, ITEMS, stopMillis, redelivered);
            }
            assertThat(b.isAlive()).as("instance B still running").isTrue();
        }
    }

    private static int completed(List<StageEvent> events) {
        return (int) events.stream().filter(e -> e.type() == EventType.OCR_COMPLETED).map(StageEvent::id).distinct().count();
    }
}
