package io.stagewire.gateway.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of job.events a job's events go to: job.events is keyed by job id and written
 * with Kafka's default partitioner (murmur2 of the key), so the gateway can find a job's history
 * before it has seen any of its events.
 */
public final class JobPartitions {
    private JobPartitions() {
    }

    public static int partitionOf(String jobId, int partitions) {
        return Utils.toPositive(Utils.murmur2(jobId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
