package io.stagewire.jobapi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewire.testing.StackUnderTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin-client measurement against the real broker, on a topic and group of its own. */
class ConsumerGroupLagMeterTest {
    private final String topic = "jobapi-lag-test-" + UUID.randomUUID();
    private final String group = "jobapi-lag-test-" + UUID.randomUUID();
    private Admin admin;

    @BeforeEach
    void createTopic() throws Exception {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap()));
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
    }

    @AfterEach
    void deleteTopic() throws Exception {
        admin.deleteTopics(List.of(topic)).all().get();
        admin.close();
    }

    @Test
    void lagFollowsTheGroupsCommits() throws Exception {
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap()), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k", "v" + i)).get();
            }
            for (int i = 0; i < 2; i++) {
                producer.send(new ProducerRecord<>(topic, 1, "k", "v" + i)).get();
            }
        }
        ConsumerGroupLagMeter meter = new ConsumerGroupLagMeter(admin, topic, group, Duration.ofSeconds(5));

        assertThat(meter.measure()).as("nothing committed: everything retained").isEqualTo(5);

        admin.alterConsumerGroupOffsets(group, Map.of(p0, new OffsetAndMetadata(2))).all().get();
        assertThat(meter.measure()).as("p0 at 2 of 3, p1 uncommitted").isEqualTo(3);

        admin.alterConsumerGroupOffsets(group, Map.of(p0, new OffsetAndMetadata(3), p1, new OffsetAndMetadata(2))).all().get();
        assertThat(meter.measure()).as("all caught up").isZero();
    }
}
