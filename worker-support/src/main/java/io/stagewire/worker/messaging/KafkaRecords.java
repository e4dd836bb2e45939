package io.stagewire.worker.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A record laid out by stage-events, as a message the Kafka connector sends with the same topic, key and headers. */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    public static Message<byte[]> message(ProducerRecord<String, byte[]> record) {
        return Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic()).withKey(record.key()).withHeaders(record.headers()).build());
    }
}
