package io.stagewire.ocr.messaging;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** A record laid out by stage-events, as a message the Kafka connector sends with the same key and headers. */
final class KafkaRecords {

    private KafkaRecords() {
    }

    static Message<byte[]> message(ProducerRecord<String, byte[]> record) {
        return Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic()).withKey(record.key()).withHeaders(record.headers()).build());
    }
}
