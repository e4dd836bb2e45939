package io.stagewire.labelworker.messaging;

import io.stagewire.events.Decoded;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;
import io.stagewire.testing.StackUnderTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads job.events from the moment it is created, without a consumer group, and keeps each job's events. */
final class JobEventsTail implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, List<StageEvent>> byJob = new HashMap<>();

    JobEventsTail() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.JOB_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, before anything is sent.
        partitions.forEach(consumer::position);
    }

    /** Waits until the job's events satisfy {@code done}; returns them all. */
    List<StageEvent> await(String jobId, Predicate<List<StageEvent>> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            poll(Duration.ofMillis(200));
            List<StageEvent> events = events(jobId);
            if (done.test(events)) {
                return events;
            }
        }
        throw new AssertionError("job " + jobId + " did not get the expected events in " + timeout + "; got "
                + events(jobId).stream().map(e -> e.type() + " " + e.data()).toList());
    }

    /** Every event of the job read within {@code period}: for asserting that nothing more comes. */
    List<StageEvent> during(String jobId, Duration period) {
        Instant end = Instant.now().plus(period);
        while (Instant.now().isBefore(end)) {
            poll(Duration.ofMillis(200));
        }
        return events(jobId);
    }

    private List<StageEvent> events(String jobId) {
        return List.copyOf(byJob.getOrDefault(jobId, List.of()));
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            if (StageEventCodec.decode(record) instanceof Decoded.Valid valid) {
                byJob.computeIfAbsent(valid.event().jobId(), id -> new ArrayList<>()).add(valid.event());
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
