package io.stagewire.jobapi.support;

import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;
import io.stagewire.testing.StackUnderTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The real broker, for tests: produce stage events as other systems would, and read topics from now on. */
public final class Kafka {
    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap(), ProducerConfig.LINGER_MS_CONFIG, 0),
            new StringSerializer(), new ByteArraySerializer());

    private Kafka() {
    }

    /** Sends the event to job.events and waits for the broker; its position is where it landed. */
    public static RecordMetadata send(StageEvent event) {
        return send(StageEventCodec.toRecord(Topics.JOB_EVENTS, event));
    }

    public static RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return PRODUCER.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reader of every partition of {@code topic}, starting at the current end: it sees what is written from now on. */
    public static Tail tail(String topic) {
        return new Tail(topic);
    }

    public static final class Tail implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        private Tail(String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map((PartitionInfo p) -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is produced
        }

        /** Records with {@code key} seen so far, polling until at least {@code count} arrived or the timeout passed. */
        public List<ConsumerRecord<String, byte[]>> await(String key, int count, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matching(key).size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            return matching(key);
        }

        /** Everything with {@code key} that arrives within {@code window}; for asserting that nothing more comes. */
        public List<ConsumerRecord<String, byte[]>> during(String key, Duration window) {
            return await(key, Integer.MAX_VALUE, window);
        }

        private List<ConsumerRecord<String, byte[]>> matching(String key) {
            return seen.stream().filter(r -> key.equals(r.key())).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
