package io.stagewire.jobapi.monitoring;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Measures a consumer group's lag on one topic with the admin client, as kafka-consumer-groups
 * does: the topic's partitions, the group's committed offsets, and the end offsets, a few requests
 * per measurement (beginnings only when a partition has no commit yet).
 */
public final class ConsumerGroupLagMeter {
    private final Admin admin;
    private final String topic;
    private final String group;
    private final Duration timeout;

    public ConsumerGroupLagMeter(Admin admin, String topic, String group, Duration timeout) {
        this.admin = admin;
        this.topic = topic;
        this.group = group;
        this.timeout = timeout;
    }

    public long measure() throws InterruptedException, ExecutionException, TimeoutException {
        List<TopicPartition> partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions()
                .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> c : get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).entrySet()) {
            if (c.getKey().topic().equals(topic) && c.getValue() != null) {
                committed.put(c.getKey(), c.getValue().offset());
            }
        }
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        List<TopicPartition> uncommitted = partitions.stream().filter(p -> !committed.containsKey(p)).toList();
        Map<TopicPartition, Long> beginnings = uncommitted.isEmpty() ? Map.of() : offsets(uncommitted, OffsetSpec.earliest());
        return ConsumerLag.of(ends, committed, beginnings);
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listOffsets(request, new ListOffsetsOptions().timeoutMs((int) timeout.toMillis())).all())
                .forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    private <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
