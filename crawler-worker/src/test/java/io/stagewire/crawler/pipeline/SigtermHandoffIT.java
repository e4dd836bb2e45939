package io.stagewire.crawler.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

import io.stagewire.testing.SharedDataFixtures;
import io.stagewire.crawler.testing.TestSites;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;
import io.stagewire.events.work.CrawlRequest;
import io.stagewire.events.work.CrawlerConfig;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.testing.PackagedWorkers;
import io.stagewire.testing.RecordProducer;
import io.stagewire.testing.StackUnderTest;
import io.stagewire.testing.TopicTail;

/**
 * Rolling restart of the packaged crawler: two instances in one fresh consumer group, crawls of the demo shop for
 * three jobs, SIGTERM to one instance while they run. Every job must end with exactly one crawl:completed counting
 * all its products and one screenshot:captured event id per product, no crawl:failed, and nothing may reach
 * crawl.requests.dlq: a crawl handed over is redone by the other instance, which finds the screenshots already
 * stored and announces them again under the same ids.
 */
class SigtermHandoffIT {
    private static final int JOBS = 3;
    private static final int PRODUCTS = 8;
    private static final Duration GRACE = Duration.ofSeconds(30); // Kubernetes' terminationGracePeriodSeconds

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aCrawlerStoppedWithSigtermMidCrawlHandsItsJobsToTheOtherInstanceWithNothingLostOrDoubled() throws Exception {
        assertThat(PackagedWorkers.JAR).as("packaged worker (mvn package)").exists();
        try (PackagedWorkers workers = new PackagedWorkers(Topics.CRAWL_REQUESTS, "crawl-requests", "crawler-worker-sigterm")) {
            Map<String, String> settings = Map.of("stagewire.crawler.allow-list", "localhost:8070,127.0.0.1:8070");
            Process a = workers.start("a", "sigterm-handoff", "256m", settings);
            Process b = workers.start("b", "sigterm-handoff", "256m", settings);
            workers.awaitMembersWithPartitions(2);

            SharedDataFixtures jobs = new SharedDataFixtures(StackUnderTest.testDatabase());
            String userId = "user-" + UUID.randomUUID();

            try (TopicTail<StageEvent> events = new TopicTail<>(Topics.JOB_EVENTS, StageEventCodec::validEvent, StageEvent::jobId);
                    TopicTail<String> dlq = PackagedWorkers.deadLetters(Topics.CRAWL_REQUESTS);
                    RecordProducer producer = new RecordProducer()) {
                List<String> jobIds = new ArrayList<>();
                for (int i = 0; i < JOBS; i++) {
                    String jobId = jobs.job(userId, "crawling", "crawling");
                    jobIds.add(jobId);
                    producer.send(WorkMessages.toRecord(new CrawlRequest(UUID.randomUUID().toString(), jobId, userId,
                            TestSites.DEMO_SHOP + "/", "default", null, new CrawlerConfig(PRODUCTS, null))));
                }

                // Mid-crawl: the first screenshots of some job are out, the crawls are not done.
                String first = jobIds.getFirst();
                events.await(first, list -> captured(list) >= 2, Duration.ofSeconds(90));
                Instant sigterm = Instant.now();
                a.destroy(); // SIGTERM
                assertThat(a.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS))
                        .as("instance A exits within the grace period after SIGTERM").isTrue();
                long stopMillis = Duration.between(sigterm, Instant.now()).toMillis();

                int doubledEvents = 0;
                for (String jobId : jobIds) {
                    try {
                        events.await(jobId, list -> list.stream().anyMatch(e -> e.type() == EventType.CRAWL_COMPLETED),
                                Duration.ofSeconds(120));
                    } catch (AssertionError missing) {
                        // The assertions below say what is missing.
                    }
                }
                List<String> deadLettered = dlq.drain().stream().map(ConsumerRecord::key).filter(jobIds::contains).toList();
                assertThat(deadLettered).as("dead-lettered crawl requests").isEmpty();
                for (String jobId : jobIds) {
                    List<StageEvent> all = events.during(jobId, Duration.ofSeconds(1));
                    assertThat(all).extracting(StageEvent::type).as("job %s: no failures", jobId)
                            .doesNotContain(EventType.CRAWL_FAILED);
                    Set<String> completedIds = new HashSet<>();
                    all.stream().filter(e -> e.type() == EventType.CRAWL_COMPLETED).forEach(e -> {
                        completedIds.add(e.id());
                        assertThat(e.field("count").asInt()).as("job %s: products in crawl:completed", jobId).isEqualTo(PRODUCTS);
                    });
                    assertThat(completedIds).as("job %s: crawl:completed event ids", jobId).hasSize(1);
                    Map<Integer, Set<String>> capturedIds = new HashMap<>();
                    all.stream().filter(e -> e.type() == EventType.SCREENSHOT_CAPTURED).forEach(e -> capturedIds
                            .computeIfAbsent(e.field("index").asInt(), index -> new HashSet<>()).add(e.id()));
                    assertThat(capturedIds.keySet()).as("job %s: products captured", jobId).hasSize(PRODUCTS);
                    assertThat(capturedIds.values()).as("job %s: one event id per product", jobId).allSatisfy(ids -> assertThat(ids).hasSize(1));
                    assertThat(jobs.files(jobId)).as("job %s: one stored screenshot per product", jobId).hasSize(PRODUCTS);
                    doubledEvents += (int) (all.size() - all.stream().map(StageEvent::id).distinct().count());
                }
                System.out.printf("crawler SIGTERM mid-crawl; A stopped in %d ms; %d events written twice (same id)%n",
                        stopMillis, doubledEvents);
            }
            assertThat(b.isAlive()).as("instance B still running").isTrue();
        }
    }

    private static int captured(List<StageEvent> events) {
        return (int) events.stream().filter(e -> e.type() == EventType.SCREENSHOT_CAPTURED).count();
    }
}
