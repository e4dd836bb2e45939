package io.stagewire.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the moment it is created, without a consumer group, and keeps what {@code decode} makes of each
 * record under the key {@code keyOf} gives it (e.g. job.events decoded into events, by job id).
 */
public final class TopicTail<T> implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Function<ConsumerRecord<String, byte[]>, Optional<T>> decode;
    private final Function<T, String> keyOf;
    private final Map<String, List<T>> byKey = new HashMap<>();

    public TopicTail(String topic, Function<ConsumerRecord<String, byte[]>, Optional<T>> decode, Function<T, String> keyOf) {
        this.decode = decode;
        this.keyOf = keyOf;
        consumer = consumer();
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, before anything is sent.
        partitions.forEach(consumer::position);
    }

    /** Waits until the key's values satisfy {@code done}; returns them all. */
    public List<T> await(String key, Predicate<List<T>> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            poll(Duration.ofMillis(200));
            List<T> values = values(key);
            if (done.test(values)) {
                return values;
            }
        }
        throw new AssertionError(key + " did not get the expected records in " + timeout + "; got " + values(key));
    }

    /** Every value of the key read within {@code period}: for asserting that nothing more comes. */
    public List<T> during(String key, Duration period) {
        Instant end = Instant.now().plus(period);
        while (Instant.now().isBefore(end)) {
            poll(Duration.ofMillis(200));
        }
        return values(key);
    }

    /** Every record until a poll brings nothing new (the records are not kept by key). */
    public List<ConsumerRecord<String, byte[]>> drain() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        int before;
        do {
            before = records.size();
            consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
        } while (records.size() > before);
        return records;
    }

    private List<T> values(String key) {
        return List.copyOf(byKey.getOrDefault(key, List.of()));
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(timeout)) {
            decode.apply(record).ifPresent(value -> byKey.computeIfAbsent(keyOf.apply(value), k -> new ArrayList<>()).add(value));
        }
    }

    static KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
