package io.stagewire.gateway.support;

import io.stagewire.events.DeadLetterHeaders;
import io.stagewire.events.Topics;
import io.stagewire.testing.StackUnderTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads job.events.dlq from its current end on: the dead letters written after it was opened. */
public final class DeadLetterWatch implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap()),
            new StringDeserializer(), new ByteArrayDeserializer());

    private final Map<String, ConsumerRecord<String, byte[]>> seen = new java.util.HashMap<>();

    public DeadLetterWatch() {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.JOB_EVENTS_DLQ).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** The dead letter of the job.events record at {@code position} ("partition-offset"), or null within the wait. */
    public ConsumerRecord<String, byte[]> await(String position, Duration wait) {
        String key = Topics.JOB_EVENTS + "-" + position;
        long deadline = System.nanoTime() + wait.toNanos();
        while (!seen.containsKey(key) && System.nanoTime() < deadline) {
            // One poll may bring the letters of several records: keep them all for later awaits.
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                if (record.key() != null) {
                    seen.put(record.key(), record);
                }
            }
        }
        return seen.get(key);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    public static String reason(ConsumerRecord<String, byte[]> record) {
        return header(record, DeadLetterHeaders.REASON);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
