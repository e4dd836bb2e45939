package io.stagewire.gateway.messaging;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.stagewire.gateway.config.GatewayConfig;
import io.stagewire.gateway.fanout.PartitionLog;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads history straight from job.events: the durable log is the gateway's resume store, so a
 * resume survives a restart of the gateway and is bounded only by the topic's retention. Each
 * replay worker thread keeps one consumer and reuses it (creating one per resume would cost a
 * metadata round trip each); concurrent reads of one partition share one pass ({@link SharedScans}).
 */
@ApplicationScoped
public class PartitionHistory implements PartitionLog {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final GatewayConfig config;
    private final KafkaSettings kafka;
    private final MeterRegistry registry;

    private final SharedScans scans = new SharedScans(READ_TIMEOUT);
    private final List<KafkaConsumer<String, byte[]>> opened = new CopyOnWriteArrayList<>();
    private final ThreadLocal<KafkaConsumer<String, byte[]>> perThread;

    PartitionHistory(GatewayConfig config, KafkaSettings kafka, MeterRegistry registry) {
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
        this.perThread = ThreadLocal.withInitial(() -> {
            KafkaConsumer<String, byte[]> consumer = kafka.consumer("progress-gateway-history-" + Thread.currentThread().getName(), 500);
            opened.add(consumer);
            return consumer;
        });
    }

    @PostConstruct
    void registerMetrics() {
        FunctionCounter.builder("stagewire.gateway.history.reads.shared", scans, SharedScans::joined)
                .description("Reads of the log that joined another's sequential read of the same partition").register(registry);
    }

    /** Thrown when the wanted offsets are no longer (or not yet) in the log. */
    public static final class HistoryGoneException extends RuntimeException {
        public HistoryGoneException(String message) {
            super(message, null, false, false);
        }
    }

    /** The first offset the partition still holds (retention deletes the ones before). */
    @Override
    public long logStart(int partition) {
        TopicPartition tp = partition(partition);
        return consumer().beginningOffsets(List.of(tp)).get(tp);
    }

    /** The offset the next record written to the partition will get. */
    @Override
    public long logEnd(int partition) {
        TopicPartition tp = partition(partition);
        return consumer().endOffsets(List.of(tp)).get(tp);
    }

    /** The first offset at or after {@code time}, or the end of the partition when there is none. */
    @Override
    public long offsetAt(int partition, Instant time) {
        TopicPartition tp = partition(partition);
        Map<TopicPartition, OffsetAndTimestamp> found = consumer().offsetsForTimes(Map.of(tp, time.toEpochMilli()));
        OffsetAndTimestamp at = found.get(tp);
        return at != null ? at.offset() : consumer().endOffsets(List.of(tp)).get(tp);
    }

    /**
     * Hands every record of the partition in {@code [from, to)} to {@code sink}, in order, until
     * the sink returns false (the subscription went away). Concurrent reads of a partition share
     * one sequential read where they can ({@link SharedScans}).
     */
    @Override
    public void read(int partition, long from, long to, Predicate<ConsumerRecord<String, byte[]>> sink) {
        scans.read(partition, from, to, sink, start -> open(partition, start));
    }

    /** This thread's consumer, on the partition at {@code from}. */
    private SharedScans.Cursor open(int partition, long from) {
        TopicPartition tp = partition(partition);
        KafkaConsumer<String, byte[]> consumer = consumer();
        consumer.assign(List.of(tp));
        consumer.seek(tp, from);
        return new SharedScans.Cursor() {
            @Override
            public List<ConsumerRecord<String, byte[]>> poll() {
                try {
                    return consumer.poll(POLL).records(tp);
                } catch (org.apache.kafka.clients.consumer.OffsetOutOfRangeException e) {
                    throw new HistoryGoneException("offsets of partition " + partition + " from " + from + " are gone: " + e.getMessage());
                }
            }

            @Override
            public long position() {
                return consumer.position(tp);
            }

            @Override
            public void close() {
                consumer.unsubscribe();
            }
        };
    }

    @Override
    public int partitionOf(String jobId, int partitions) {
        return JobPartitions.partitionOf(jobId, partitions);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return perThread.get();
    }

    private TopicPartition partition(int partition) {
        return new TopicPartition(config.topic(), partition);
    }

    void onStop(@Observes ShutdownEvent event) {
        for (KafkaConsumer<String, byte[]> consumer : opened) {
            try {
                consumer.close(Duration.ofSeconds(1));
            } catch (RuntimeException ignored) {
                // Closing at shutdown; nothing to do about it.
            }
        }
    }
}
