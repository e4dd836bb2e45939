package io.stagewire.labelworker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.labelworker.messaging.TestData.Row;
import io.stagewire.testing.StackUnderTest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Rolling restart of the packaged worker (target/quarkus-app): two instances A and B in one fresh consumer group, a
 * batch of label requests for one job, SIGTERM to A while the batch is under way. Every request must end with exactly
 * one match.found and one label.generated (by event id) and nothing may reach label.requests.dlq.
 */
class SigtermHandoffIT {
    private static final int ITEMS = 400;
    private static final Duration GRACE = Duration.ofSeconds(30); // Kubernetes' terminationGracePeriodSeconds
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final String group = "label-worker-sigterm-" + UUID.randomUUID();
    private final List<Process> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(Process::destroyForcibly);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aWorkerStoppedWithSigtermMidBatchHandsItsItemsToTheOtherInstanceWithNothingLostOrDoubled() throws Exception {
        assertThat(JAR).as("packaged worker (mvn package)").exists();
        startGroupAtEndOfTopic();
        Process a = start("a");
        Process b = start("b");
        awaitMembersWithPartitions(2);

        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setURL("jdbc:postgresql://127.0.0.1:5432/stagewire_test");
        db.setUser(System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres"));
        db.setPassword(System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""));
        TestData data = new TestData(db);
        String userId = "user-" + UUID.randomUUID();
        String jobId = UUID.randomUUID().toString();
        data.job(jobId, userId, "matching");
        String priceList = data.priceList(userId, new Row("ART-10234", "Wasserkocher Edelstahl 1,7 l", "19.99", "4006381333931"));

        try (JobEventsTail events = new JobEventsTail(); KafkaConsumer<String, byte[]> dlq = tailOfDeadLetters();
                KafkaProducer<String, byte[]> producer = producer()) {
            Set<String> screenshots = new HashSet<>();
            for (int i = 0; i < ITEMS; i++) {
                LabelRequest request = new LabelRequest(UUID.randomUUID().toString(), jobId, userId,
                        UUID.randomUUID().toString(), "default", priceList, "ART-10234", "as read", new BigDecimal("21.49"),
                        "EUR", null);
                screenshots.add(request.screenshotId());
                producer.send(WorkMessages.toRecord(request));
            }
            producer.flush();

            // Mid-batch: some labels done, most not.
            int doneAtSigterm = labelled(events.await(jobId, list -> labelled(list) >= ITEMS / 10, Duration.ofSeconds(30)));
            Instant sigterm = Instant.now();
            a.destroy(); // SIGTERM
            assertThat(a.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS))
                    .as("instance A exits within the grace period after SIGTERM").isTrue();
            long stopMillis = Duration.between(sigterm, Instant.now()).toMillis();
            assertThat(doneAtSigterm).as("SIGTERM came mid-batch").isLessThan(ITEMS);

            try {
                events.await(jobId, list -> labelled(list) >= ITEMS, Duration.ofSeconds(40));
            } catch (AssertionError missing) {
                // Not all came: the assertions below say how many are missing and whether they were dead-lettered.
            }
            List<StageEvent> all = events.during(jobId, Duration.ofSeconds(3)); // anything doubled arrives too
            List<String> deadLettered = drain(dlq).stream().map(ConsumerRecord::key).filter(screenshots::contains).toList();
            assertThat(deadLettered.size()).as("requests of %d dead-lettered (a record rejected while stopping must stay "
                    + "uncommitted instead)", ITEMS).isZero();
            Map<EventType, Map<String, Set<String>>> idsByTypeAndScreenshot = new HashMap<>();
            for (StageEvent event : all) {
                idsByTypeAndScreenshot.computeIfAbsent(event.type(), t -> new HashMap<>())
                        .computeIfAbsent(event.field("screenshotId").asText(), s -> new HashSet<>()).add(event.id());
            }
            for (EventType type : List.of(EventType.MATCH_FOUND, EventType.LABEL_GENERATED)) {
                Map<String, Set<String>> byScreenshot = idsByTypeAndScreenshot.getOrDefault(type, Map.of());
                Set<String> missing = new HashSet<>(screenshots);
                missing.removeAll(byScreenshot.keySet());
                assertThat(missing.size()).as("requests without %s (lost), SIGTERM after %d labels", type, doneAtSigterm)
                        .isZero();
                long doubled = byScreenshot.values().stream().filter(ids -> ids.size() != 1).count();
                assertThat(doubled).as("requests with more than one %s event id (doubled)", type).isZero();
            }
            assertThat(all).extracting(StageEvent::type).as("only results, no failures")
                    .containsOnly(EventType.MATCH_FOUND, EventType.LABEL_GENERATED);
            long redelivered = all.size() - all.stream().map(StageEvent::id).distinct().count();
            System.out.printf("SIGTERM after %d/%d labels; A stopped in %d ms; %d events written twice (same id)%n",
                    doneAtSigterm, ITEMS, stopMillis, redelivered);
        }
        assertThat(b.isAlive()).as("instance B still running").isTrue();
    }

    private static int labelled(List<StageEvent> events) {
        return (int) events.stream().filter(e -> e.type() == EventType.LABEL_GENERATED).map(StageEvent::id).distinct().count();
    }

    private Process start(String name) throws Exception {
        Path log = Path.of("target/sigterm-handoff-" + name + ".log");
        Files.deleteIfExists(log);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx192m",
                "-Dquarkus.http.port=0",
                "-Dstagewire.kafka.bootstrap=" + StackUnderTest.kafkaBootstrap(),
                "-Dstagewire.pg.database=stagewire_test",
                "-Dmp.messaging.incoming.label-requests.group.id=" + group,
                "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        instances.add(process);
        return process;
    }

    /** Committed offsets at the end of label.requests before anyone joins: the group never reads older records. */
    private void startGroupAtEndOfTopic() throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = consumer(); Admin admin = admin()) {
            List<TopicPartition> partitions = consumer.partitionsFor("label.requests").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> ends = consumer.endOffsets(partitions).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
            admin.alterConsumerGroupOffsets(group, ends).all().get();
        }
    }

    private void awaitMembersWithPartitions(int members) throws Exception {
        try (Admin admin = admin()) {
            Instant deadline = Instant.now().plusSeconds(40);
            while (Instant.now().isBefore(deadline)) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                if (description.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count() >= members) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new AssertionError(members + " instances did not join group " + group + " in 40 s; see target/sigterm-handoff-*.log");
        }
    }

    private static KafkaConsumer<String, byte[]> tailOfDeadLetters() {
        KafkaConsumer<String, byte[]> consumer = consumer();
        List<TopicPartition> partitions = consumer.partitionsFor("label.requests.dlq").stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static List<ConsumerRecord<String, byte[]>> drain(KafkaConsumer<String, byte[]> consumer) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        int before;
        do {
            before = records.size();
            consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
        } while (records.size() > before);
        return records;
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config);
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap()));
    }
}
