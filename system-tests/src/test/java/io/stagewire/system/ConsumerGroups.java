package io.stagewire.system;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import io.stagewire.testing.StackUnderTest;

/** Moves the services' consumer groups to the end of their topics while nobody in the group is running. */
final class ConsumerGroups {

    private ConsumerGroups() {
    }

    static void skipToEndUnlessRunning(Collection<RunningStack.GroupOnTopic> groups) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap());
        try (Admin admin = Admin.create(config)) {
            for (RunningStack.GroupOnTopic group : groups) {
                // A group with members is a running service: its position is its own business.
                if (hasNoMembers(admin, group.group())) {
                    admin.alterConsumerGroupOffsets(group.group(), endOffsets(admin, group.topic())).all().get();
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not move the services' consumer groups to the end", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True for an empty group and for one that does not exist yet (a fresh broker): committing creates it. */
    private static boolean hasNoMembers(Admin admin, String group) throws ExecutionException, InterruptedException {
        try {
            GroupState state = admin.describeConsumerGroups(List.of(group)).all().get().get(group).groupState();
            return state == GroupState.EMPTY || state == GroupState.DEAD;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return true;
            }
            throw e;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> endOffsets(Admin admin, String topic)
            throws ExecutionException, InterruptedException {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = IntStream.range(0, partitions).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all().get();
        return ends.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
    }
}
