package io.stagewire.jobapi.messaging;

import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stagewire.events.Decoded;
import io.stagewire.events.DeadLetterHeaders;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.Topics;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.JobEventsConsumerReady;
import io.stagewire.jobapi.support.Kafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * job-api on the real broker: its consumer group reads what workers write to job.events, its outbox
 * writes its announcements there and they come back with their positions, and what it cannot apply
 * lands on job.events.dlq with the reason. What it decides from events is tested on the in-memory
 * bus ({@link JobLifecycleFromEventsTest} and the others of this package).
 */
@QuarkusTest
class JobEventsOverKafkaTest {
    private static final String CRAWLER = "/stagewire/crawler-worker";

    @BeforeEach
    void consumerIsAssigned() {
        JobEventsConsumerReady.await();
    }

    private static StageEvent event(EventType type, String source, String jobId, String owner, Map<String, Object> data) {
        return StageEvent.of(type, source, jobId, owner, StageEventJson.mapper().valueToTree(data));
    }

    @Test
    void crawlFailureFailsTheJobWithTheReason() {
        String id = Api.createAnnouncedJob("bob", 10);
        Kafka.send(event(EventType.CRAWL_STARTED, CRAWLER, id, sub("bob"), Map.of()));
        Kafka.send(event(EventType.CRAWL_FAILED, CRAWLER, id, sub("bob"), Map.of("reason", "shop answered 503")));

        JsonPath job = Api.awaitStatus("bob", id, "failed");
        // job:created came back from the broker before (createAnnouncedJob); job:failed follows it there.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> as("bob")
                .get("/api/jobs/" + id + "/events?limit=100").jsonPath().getList("items.type").contains("job:failed"));
        assertThat(job.getString("failureReason")).isEqualTo("crawl failed: shop answered 503");
        assertThat(job.getString("stage")).isEqualTo("crawl");
    }

    @Test
    void invalidRecordGoesToTheDeadLetterTopicWithTheReason() {
        String key = "broken:" + UUID.randomUUID();
        try (Kafka.Tail dlq = Kafka.tail(Topics.JOB_EVENTS_DLQ)) {
            Kafka.send(new ProducerRecord<>(Topics.JOB_EVENTS, key, "not a cloud event".getBytes(StandardCharsets.UTF_8)));
            ConsumerRecord<String, byte[]> dead = dlq.await(key, 1, Duration.ofSeconds(15)).get(0);
            String reason = new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8);
            assertThat(reason).startsWith("not a CloudEvent");
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
        }
        // and nothing stopped: the next event is applied
        String id = Api.createAnnouncedJob("bob", 1);
        Kafka.send(event(EventType.CRAWL_STARTED, CRAWLER, id, sub("bob"), Map.of()));
        Api.awaitStatus("bob", id, "crawling");
    }
}
