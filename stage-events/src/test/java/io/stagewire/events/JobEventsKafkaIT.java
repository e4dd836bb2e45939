package io.stagewire.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.stagewire.testing.StackUnderTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Against the real broker: a CloudEvent produced by another system with the official CloudEvents
 * SDK comes back through stage-events intact, and a malformed record is rejected with its reason.
 */
class JobEventsKafkaIT {

    private static final Map<String, Object> COMMON = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap());

    @Test
    void cloudEventFromTheOfficialSdkIsReadBackThroughStageEvents() throws Exception {
        String jobId = "acme:" + UUID.randomUUID();
        CloudEvent sent = acmeProgress(jobId, "{\"progress\":12.50,\"stage\":\"import\"}");

        ConsumerRecord<String, byte[]> record = readOne(sendWithSdk(jobId, sent));
        Decoded decoded = StageEventCodec.decode(record);

        assertThat(decoded).isInstanceOf(Decoded.Valid.class);
        StageEvent event = ((Decoded.Valid) decoded).event();
        assertThat(event.id()).isEqualTo(sent.getId());
        assertThat(event.type()).isEqualTo(EventType.JOB_PROGRESS);
        assertThat(event.source()).isEqualTo("https://acme.example/erp");
        assertThat(event.jobId()).isEqualTo(jobId);
        assertThat(event.userId()).isEqualTo("acme-user-7");
        assertThat(event.time().toInstant()).isEqualTo(sent.getTime().toInstant());
        assertThat(StageEventJson.mapper().writeValueAsString(event.data())).isEqualTo("{\"progress\":12.50,\"stage\":\"import\"}");
    }

    @Test
    void ourOwnBinaryModeRecordRoundTripsThroughTheBroker() throws Exception {
        String jobId = UUID.randomUUID().toString();
        StageEvent event = StageEvent.of(EventType.CRAWL_COMPLETED, "/stagewire/test", jobId, "bob",
                StageEventJson.object().put("count", 41));

        RecordMetadata where;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(COMMON, new StringSerializer(), new ByteArraySerializer())) {
            where = producer.send(StageEventCodec.toRecord(Topics.JOB_EVENTS, event)).get();
        }

        Decoded decoded = StageEventCodec.decode(readOne(where));
        assertThat(decoded).isInstanceOf(Decoded.Valid.class);
        StageEvent back = ((Decoded.Valid) decoded).event();
        assertThat(back.time().toInstant()).isEqualTo(event.time().toInstant());
        assertThat(back.data()).isEqualTo(event.data());
        assertThat(back.userId()).isEqualTo("bob");
    }

    @Test
    void malformedRecordIsRejectedWithItsReason() throws Exception {
        String jobId = UUID.randomUUID().toString();
        CloudEvent wrongShape = acmeProgress(jobId, "{\"progress\":\"almost done\"}");

        Decoded decoded = StageEventCodec.decode(readOne(sendWithSdk(jobId, wrongShape)));
        assertThat(decoded).isInstanceOf(Decoded.Invalid.class);
        assertThat(((Decoded.Invalid) decoded).reason()).startsWith("invalid data for job:progress").contains("progress");
    }

    /** A job:progress event as another company's system would build it with the CloudEvents SDK. */
    private static CloudEvent acmeProgress(String jobId, String json) {
        return CloudEventBuilder.v1()
                .withId("acme-" + UUID.randomUUID())
                .withType("job:progress")
                .withSource(URI.create("https://acme.example/erp"))
                .withSubject(jobId)
                .withExtension("userid", "acme-user-7")
                .withTime(OffsetDateTime.parse("2026-11-22T12:00:00Z"))
                .withDataContentType("application/json")
                .withData(json.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static RecordMetadata sendWithSdk(String jobId, CloudEvent event) throws Exception {
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(COMMON, new StringSerializer(), new CloudEventSerializer())) {
            return producer.send(new ProducerRecord<>(Topics.JOB_EVENTS, jobId, event)).get();
        }
    }

    private static ConsumerRecord<String, byte[]> readOne(RecordMetadata where) {
        TopicPartition tp = new TopicPartition(where.topic(), where.partition());
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, where.offset());
            List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 15_000;
            while (got.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).records(tp).forEach(got::add);
            }
            assertThat(got).as("record at %s", where).isNotEmpty();
            assertThat(got.get(0).offset()).isEqualTo(where.offset());
            return got.get(0);
        }
    }
}
