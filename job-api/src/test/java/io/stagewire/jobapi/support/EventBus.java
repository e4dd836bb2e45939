package io.stagewire.jobapi.support;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.stagewire.events.DeadLetterHeaders;
import io.stagewire.events.Decoded;
import io.stagewire.events.EventPosition;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * job.events without a broker ({@link InMemoryJobEvents}): what a test sends reaches job-api's consumer as one poll's
 * batch, at the positions a {@value Topics#DEFAULT_PARTITIONS}-partition topic gives records of its key, and
 * {@link #deliver} returns once job-api committed it (acknowledged the batch). What job-api sends through its outbox
 * stays in the outbox's sink until {@link #relayAnnouncements()} plays the broker's round trip: its job.events
 * records come back in, as they do in production. A bean of the tests under {@link InMemoryJobEvents.Profile}: inject it.
 */
@ApplicationScoped
public class EventBus {
    private static final Duration WAIT = Duration.ofSeconds(20);
    // One offset sequence per partition for the whole test JVM: positions only grow, as on a real topic.
    private static final AtomicLongArray NEXT_OFFSET = new AtomicLongArray(Topics.DEFAULT_PARTITIONS);

    private final InMemorySource<Message<ConsumerRecords<String, byte[]>>> source;
    private final InMemorySink<byte[]> outbox;
    private final InMemorySink<byte[]> deadLetters;
    private final DataSource dataSource;
    private int relayed;

    EventBus(@Any InMemoryConnector connector, DataSource dataSource) {
        this.source = connector.source("job-events");
        this.outbox = connector.sink("outbox");
        this.deadLetters = connector.sink("dead-letters");
        this.dataSource = dataSource;
        this.relayed = outbox.received().size();
    }

    /** Creates a crawl job as {@code user} and brings its job:created back through job.events (it then has a position). */
    public String announcedJob(String user, int maxProducts) {
        String id = Api.createJob(user, maxProducts);
        relayAnnouncements();
        return id;
    }

    /** Delivers the events as one batch; their positions ("partition-offset"), in order. */
    public List<String> deliver(StageEvent... events) {
        return deliverRecords(Arrays.stream(events).map(e -> StageEventCodec.toRecord(Topics.JOB_EVENTS, e)).toList());
    }

    /** Delivers each event in a batch of its own, as a slow producer's records arrive. */
    public void deliverOneByOne(List<StageEvent> events) {
        events.forEach(this::deliver);
    }

    /** Delivers the records (valid or not) as one batch and waits until job-api acknowledged it. */
    public List<String> deliverRecords(List<ProducerRecord<String, byte[]>> records) {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new java.util.LinkedHashMap<>();
        List<String> positions = new ArrayList<>();
        for (ProducerRecord<String, byte[]> record : records) {
            int partition = Utils.toPositive(Utils.murmur2(record.key().getBytes(StandardCharsets.UTF_8))) % Topics.DEFAULT_PARTITIONS;
            long offset = NEXT_OFFSET.getAndIncrement(partition);
            byPartition.computeIfAbsent(new TopicPartition(Topics.JOB_EVENTS, partition), p -> new ArrayList<>())
                    .add(new ConsumerRecord<>(Topics.JOB_EVENTS, partition, offset, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                            -1, -1, record.key(), record.value(), new RecordHeaders(record.headers().toArray()), Optional.empty()));
            positions.add(new EventPosition(partition, offset).toString());
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        source.send(Message.of(new ConsumerRecords<>(byPartition, Map.of()), () -> {
            done.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            done.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        try {
            done.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("job-api did not apply the batch: " + e, e);
        }
        return positions;
    }

    /**
     * Waits until job-api's outbox sent everything committed so far, then delivers what it sent to job.events back
     * to it, until nothing new comes: its own announcements get their positions, as after a broker's round trip.
     */
    public void relayAnnouncements() {
        while (true) {
            awaitOutboxSent();
            List<? extends Message<byte[]>> sent = List.copyOf(outbox.received());
            List<ProducerRecord<String, byte[]>> back = new ArrayList<>();
            for (Message<byte[]> message : sent.subList(relayed, sent.size())) {
                OutgoingKafkaRecordMetadata<?> metadata = metadata(message);
                if (Topics.JOB_EVENTS.equals(metadata.getTopic())) {
                    back.add(new ProducerRecord<>(Topics.JOB_EVENTS, null, (String) metadata.getKey(), message.getPayload(),
                            metadata.getHeaders()));
                }
            }
            relayed = sent.size();
            if (back.isEmpty()) {
                return;
            }
            deliverRecords(back);
        }
    }

    /** What job-api sent to job.events for the job, in order (relayed back or not), once its outbox is empty. */
    public List<StageEvent> announced(String jobId) {
        awaitOutboxSent();
        return sentTo(Topics.JOB_EVENTS, jobId).stream().map(m -> StageEventCodec.decode(toConsumerRecord(m)))
                .filter(Decoded.Valid.class::isInstance).map(d -> ((Decoded.Valid) d).event()).toList();
    }

    /** The payloads job-api sent to {@code topic} with {@code key}, in order, once its outbox is empty. */
    public List<byte[]> work(String topic, String key) {
        awaitOutboxSent();
        return sentTo(topic, key).stream().map(Message::getPayload).toList();
    }

    /** The reasons job-api gave for the records with {@code key} it dead-lettered, in order. */
    public List<String> deadLetterReasons(String key) {
        return deadLetters.received().stream()
                .filter(m -> key.equals(metadata(m).getKey()))
                .map(m -> new String(metadata(m).getHeaders().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .toList();
    }

    private List<? extends Message<byte[]>> sentTo(String topic, String key) {
        return outbox.received().stream()
                .filter(m -> topic.equals(metadata(m).getTopic()) && key.equals(metadata(m).getKey())).toList();
    }

    private static ConsumerRecord<String, byte[]> toConsumerRecord(Message<byte[]> message) {
        OutgoingKafkaRecordMetadata<?> metadata = metadata(message);
        Headers headers = metadata.getHeaders();
        return new ConsumerRecord<>(Topics.JOB_EVENTS, 0, 0L, System.currentTimeMillis(), TimestampType.CREATE_TIME, -1, -1,
                (String) metadata.getKey(), message.getPayload(), headers, Optional.empty());
    }

    private static OutgoingKafkaRecordMetadata<?> metadata(Message<byte[]> message) {
        return message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
    }

    /** Until the outbox holds nothing unsent: what committed so far is in the sink. */
    private void awaitOutboxSent() {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> pendingInOutbox() == 0);
    }

    private long pendingInOutbox() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet count = connection.createStatement().executeQuery("select count(*) from outbox where sent_at is null")) {
            count.next();
            return count.getLong(1);
        }
    }
}
