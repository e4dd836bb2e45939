package io.stagewire.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Instances of a module's packaged worker (target/quarkus-app) as separate processes in one fresh consumer group of
 * their own, for rolling-restart tests: the group starts at the end of the topic, so it never reads older records.
 */
public final class PackagedWorkers implements AutoCloseable {
    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final String topic;
    private final String channel;
    private final String group;
    private final List<Process> instances = new ArrayList<>();

    /**
     * @param channel the SmallRye incoming channel that reads {@code topic}; its group id is overridden
     */
    public PackagedWorkers(String topic, String channel, String groupPrefix) throws ExecutionException, InterruptedException {
        this.topic = topic;
        this.channel = channel;
        this.group = groupPrefix + "-" + java.util.UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> consumer = TopicTail.consumer(); Admin admin = admin()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> ends = consumer.endOffsets(partitions).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
            admin.alterConsumerGroupOffsets(group, ends).all().get();
        }
    }

    /** Starts an instance with the heap ./stagewire gives it (e.g. 256m); its output goes to target/{logPrefix}-{name}.log. */
    public Process start(String name, String logPrefix, String heap, Map<String, String> settings) throws IOException {
        Path log = Path.of("target/" + logPrefix + "-" + name + ".log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Dquarkus.http.port=0", "-Dstagewire.kafka.bootstrap=" + StackUnderTest.kafkaBootstrap(),
                "-Dstagewire.pg.database=stagewire_test", "-Dmp.messaging.incoming." + channel + ".group.id=" + group));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        instances.add(process);
        return process;
    }

    /** Waits until {@code members} instances hold partitions of the topic. */
    public void awaitMembersWithPartitions(int members) throws Exception {
        try (Admin admin = admin()) {
            Instant deadline = Instant.now().plusSeconds(40);
            while (Instant.now().isBefore(deadline)) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                if (description.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count() >= members) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new AssertionError(members + " instances did not join group " + group + " on " + topic
                    + " in 40 s; see the instances' logs under target/");
        }
    }

    /** The dead-letter topic of {@code topic} from now on, keyed as its records are. */
    public static TopicTail<String> deadLetters(String topic) {
        return new TopicTail<>(topic + ".dlq", record -> java.util.Optional.ofNullable(record.key()), key -> key);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap()));
    }

    @Override
    public void close() {
        instances.forEach(Process::destroyForcibly);
    }
}
