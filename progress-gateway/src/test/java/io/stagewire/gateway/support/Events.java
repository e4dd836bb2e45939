package io.stagewire.gateway.support;

import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.Topics;
import io.stagewire.gateway.messaging.LogEpoch;
import io.stagewire.testing.StackUnderTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces stage events onto the real job.events, as any producer would (StageEventCodec + plain KafkaProducer). */
public final class Events {
    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap(),
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
            new StringSerializer(), new ByteArraySerializer());

    private Events() {
    }

    public static String newJobId() {
        return "gw-test-" + UUID.randomUUID();
    }

    private static volatile String epoch;

    /** An event as produced: its id and where it landed ({@code partition-offset}, as job-api writes it). */
    public record Sent(String id, String logPosition) {
        /** The resume token the gateway gives this event: its log position tagged with the log's epoch. */
        public String position() {
            return logPosition + "~" + epoch();
        }
    }

    /** The epoch of job.events as the gateway derives it, from the topic's id. */
    public static String epoch() {
        if (epoch == null) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap()))) {
                Uuid id = admin.describeTopics(List.of(Topics.JOB_EVENTS)).topicNameValues().get(Topics.JOB_EVENTS).get().topicId();
                epoch = LogEpoch.of(id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return epoch;
    }

    /** Sends one event and waits for its position. */
    public static Sent send(StageEvent event) {
        try {
            RecordMetadata where = PRODUCER.send(StageEventCodec.toRecord(Topics.JOB_EVENTS, event)).get();
            return new Sent(event.id(), where.partition() + "-" + where.offset());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Sent progress(String jobId, String owner, int percent) {
        return send(StageEvent.of(EventType.JOB_PROGRESS, "/stagewire/test", jobId, owner,
                StageEventJson.object().put("progress", percent)));
    }

    /** {@code count} job:progress events (1..count percent) sent back to back without waiting for each: a burst. */
    public static java.util.List<Sent> progressBurst(String jobId, String owner, int count) {
        java.util.List<StageEvent> events = new java.util.ArrayList<>();
        java.util.List<java.util.concurrent.Future<RecordMetadata>> sent = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            StageEvent event = StageEvent.of(EventType.JOB_PROGRESS, "/stagewire/test", jobId, owner,
                    StageEventJson.object().put("progress", i * 100 / count));
            events.add(event);
            sent.add(PRODUCER.send(StageEventCodec.toRecord(Topics.JOB_EVENTS, event)));
        }
        PRODUCER.flush();
        java.util.List<Sent> result = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                RecordMetadata where = sent.get(i).get();
                result.add(new Sent(events.get(i).id(), where.partition() + "-" + where.offset()));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    public static Sent notification(String jobId, String owner, String message) {
        return send(StageEvent.of(EventType.SYSTEM_NOTIFICATION, "/stagewire/test", jobId, owner,
                StageEventJson.object().put("message", message)));
    }

    /** A notification carrying {@code padding} extra characters (data allows extra fields). */
    public static Sent bigNotification(String jobId, String owner, String message, int padding) {
        return send(StageEvent.of(EventType.SYSTEM_NOTIFICATION, "/stagewire/test", jobId, owner,
                StageEventJson.object().put("message", message).put("padding", "x".repeat(padding))));
    }

    /** Any record at all, e.g. one that is not a stage event. */
    public static RecordMetadata sendRaw(ProducerRecord<String, byte[]> record) {
        try {
            return PRODUCER.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
