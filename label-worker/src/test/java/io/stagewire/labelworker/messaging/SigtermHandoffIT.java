package io.stagewire.labelworker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.Topics;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.testing.SharedDataFixtures;
import io.stagewire.testing.SharedDataFixtures.PriceRow;
import io.stagewire.testing.PackagedWorkers;
import io.stagewire.testing.RecordProducer;
import io.stagewire.testing.StackUnderTest;
import io.stagewire.testing.TopicTail;
import java.math.BigDecimal;
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

/**
 * Rolling restart of the packaged worker (target/quarkus-app): two instances A and B in one fresh consumer group, a
 * batch of label requests for one job, SIGTERM to A while the batch is under way. Every request must end with exactly
 * one match.found and one label.generated (by event id) and nothing may reach label.requests.dlq.
 */
class SigtermHandoffIT {
    private static final int ITEMS = 400;
    private static final Duration GRACE = Duration.ofSeconds(30); // Kubernetes' terminationGracePeriodSeconds

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aWorkerStoppedWithSigtermMidBatchHandsItsItemsToTheOtherInstanceWithNothingLostOrDoubled() throws Exception {
        assertThat(PackagedWorkers.JAR).as("packaged worker (mvn package)").exists();
        try (PackagedWorkers workers = new PackagedWorkers(Topics.LABEL_REQUESTS, "label-requests", "label-worker-sigterm")) {
            Process a = workers.start("a", "sigterm-handoff", "192m", Map.of());
            Process b = workers.start("b", "sigterm-handoff", "192m", Map.of());
            workers.awaitMembersWithPartitions(2);

            SharedDataFixtures data = new SharedDataFixtures(StackUnderTest.testDatabase());
            String userId = "user-" + UUID.randomUUID();
            String jobId = UUID.randomUUID().toString();
            data.job(jobId, userId, "matching", "matching");
            String priceList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher Edelstahl 1,7 l", "19.99", "4006381333931"));

            try (JobEventsTail events = new JobEventsTail(); TopicTail<String> dlq = PackagedWorkers.deadLetters(Topics.LABEL_REQUESTS);
                    RecordProducer producer = new RecordProducer()) {
                Set<String> screenshots = new HashSet<>();
                for (int i = 0; i < ITEMS; i++) {
                    LabelRequest request = new LabelRequest(UUID.randomUUID().toString(), jobId, userId,
                            UUID.randomUUID().toString(), "default", priceList, "ART-10234", "as read", new BigDecimal("21.49"),
                            "EUR", null);
                    screenshots.add(request.screenshotId());
                    producer.send(WorkMessages.toRecord(request));
                }

                // Mid-batch: some labels done, most not.
                int doneAtSigterm = labelled(events.await(jobId, list -> labelled(list) >= ITEMS / 10, Duration.ofSeconds(30)));
                Instant sigterm = Instant.now();
                a.destroy(); // SIGTERM
                assertThat(a.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS))
                        .as("instance A exits within the grace period after SIGTERM").isTrue();
                long stopMillis = Duration.between(sigterm, Instant.now()).toMillis();
                assertThat(doneAtSigterm).as("SIGTERM came mid-batch").isLessThan(ITEMS);

                try {
                    events.await(jobId, list -> labelled(list) >= ITEMS, Duration.ofSeconds(40));
                } catch (AssertionError missing) {
                    // Not all came: the assertions below say how many are missing and whether they were dead-lettered.
                }
                List<StageEvent> all = events.during(jobId, Duration.ofSeconds(3)); // anything doubled arrives too
                List<String> deadLettered = dlq.drain().stream().map(ConsumerRecord::key).filter(screenshots::contains).toList();
                assertThat(deadLettered.size()).as("requests of %d dead-lettered (a record rejected while stopping must stay "
                        + "uncommitted instead)", ITEMS).isZero();
                Map<EventType, Map<String, Set<String>>> idsByTypeAndScreenshot = new HashMap<>();
                for (StageEvent event : all) {
                    idsByTypeAndScreenshot.computeIfAbsent(event.type(), t -> new HashMap<>())
                            .computeIfAbsent(event.field("screenshotId").asText(), s -> new HashSet<>()).add(event.id());
                }
                for (EventType type : List.of(EventType.MATCH_FOUND, EventType.LABEL_GENERATED)) {
                    Map<String, Set<String>> byScreenshot = idsByTypeAndScreenshot.getOrDefault(type, Map.of());
                    Set<String> missing = new HashSet<>(screenshots);
                    missing.removeAll(byScreenshot.keySet());
                    assertThat(missing.size()).as("requests without %s (lost), SIGTERM after %d labels", type, doneAtSigterm)
                            .isZero();
                    long doubled = byScreenshot.values().stream().filter(ids -> ids.size() != 1).count();
                    assertThat(doubled).as("requests with more than one %s event id (doubled)", type).isZero();
                }
                assertThat(all).extracting(StageEvent::type).as("only results, no failures")
                        .containsOnly(EventType.MATCH_FOUND, EventType.LABEL_GENERATED);
                long redelivered = all.size() - all.stream().map(StageEvent::id).distinct().count();
                System.out.printf("SIGTERM after %d/%d labels; A stopped in %d ms; %d events written twice (same id)%n",
                        doneAtSigterm, ITEMS, stopMillis, redelivered);
            }
            assertThat(b.isAlive()).as("instance B still running").isTrue();
        }
    }

    private static int labelled(List<StageEvent> events) {
        return (int) events.stream().filter(e -> e.type() == EventType.LABEL_GENERATED).map(StageEvent::id).distinct().count();
    }
}
