package io.stagewire.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.events.DeadLetterHeaders;
import io.stagewire.events.Topics;
import io.stagewire.gateway.support.Events;
import io.stagewire.gateway.support.JobApiDouble;
import io.stagewire.gateway.support.WsClient;
import io.stagewire.testing.StackUnderTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** A record on job.events that is not a stage event goes to job.events.dlq with its reason; consumption goes on. */
@QuarkusTest
@QuarkusTestResource(JobApiDouble.class)
class DeadLetterTest extends GatewayTest {

    @Test
    void invalidRecordIsDeadLetteredAndTheNextEventStillArrives() {
        String jobId = Events.newJobId();
        String bob = sub("bob");
        JobApiDouble.putJob(jobId, bob, "running", null);
        try (KafkaConsumer<String, byte[]> dlq = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap()),
                new StringDeserializer(), new ByteArrayDeserializer());
             WsClient client = connect("bob")) {
            List<TopicPartition> partitions = dlq.partitionsFor(Topics.JOB_EVENTS_DLQ).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            dlq.assign(partitions);
            dlq.seekToEnd(partitions);
            partitions.forEach(dlq::position);

            client.subscribe("job:" + jobId);
            subscribed(client, "job:" + jobId);
            client.next(WAIT);

            RecordMetadata bad = Events.sendRaw(new ProducerRecord<>(Topics.JOB_EVENTS, jobId,
                    "{\"progress\": 5".getBytes(StandardCharsets.UTF_8)));
            Events.Sent good = Events.progress(jobId, bob, 6);

            String expectedKey = Topics.JOB_EVENTS + "-" + bad.partition() + "-" + bad.offset();
            ConsumerRecord<String, byte[]> letter = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (letter == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : dlq.poll(Duration.ofMillis(500))) {
                    if (expectedKey.equals(record.key())) {
                        letter = record;
                    }
                }
            }
            assertThat(letter).as("dead letter keyed %s", expectedKey).isNotNull();
            assertThat(header(letter, DeadLetterHeaders.REASON)).startsWith("not a CloudEvent");
            assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(Topics.JOB_EVENTS);
            assertThat(header(letter, DeadLetterHeaders.PARTITION)).isEqualTo(Integer.toString(bad.partition()));
            assertThat(header(letter, DeadLetterHeaders.OFFSET)).isEqualTo(Long.toString(bad.offset()));
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"progress\": 5");

            assertThat(client.events("job:" + jobId, 1, WAIT).get(0).path("id").asText()).isEqualTo(good.id());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
