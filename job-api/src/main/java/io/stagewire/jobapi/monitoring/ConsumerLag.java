package io.stagewire.jobapi.monitoring;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind on a topic: per partition, its end offset minus the group's
 * committed offset. A partition the group has not committed on yet counts from its first retained
 * record (job-api starts at earliest), so a new group on a full topic shows the whole backlog.
 */
public final class ConsumerLag {
    private ConsumerLag() {
    }

    /**
     * @param endOffsets every partition of the topic with its end offset
     * @param committed  the group's committed offsets (partitions without a commit left out)
     * @param beginnings first retained offsets, needed only for partitions without a commit
     */
    public static long of(Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> committed,
            Map<TopicPartition, Long> beginnings) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
            Long from = committed.get(end.getKey());
            if (from == null) {
                from = beginnings.getOrDefault(end.getKey(), 0L);
            }
            // A commit can be ahead of the end seen a moment earlier; never negative.
            lag += Math.max(0, end.getValue() - from);
        }
        return lag;
    }
}
