package io.stagewire.gateway.fanout;

import java.time.Instant;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The durable log behind the in-memory windows (messaging.PartitionHistory reads job.events). */
public interface PartitionLog {
    /** The first offset the partition still holds. */
    long logStart(int partition);

    /** The offset the next record written to the partition will get. */
    long logEnd(int partition);

    /** The first offset at or after {@code time}, or the end of the partition when there is none. */
    long offsetAt(int partition, Instant time);

    /** Hands every record in {@code [from, to)} to {@code sink}, in order, until it returns false. */
    void read(int partition, long from, long to, Predicate<ConsumerRecord<String, byte[]>> sink);

    /** The partition a job's events are written to, also for a job the gateway has not seen. */
    int partitionOf(String jobId, int partitions);
}
