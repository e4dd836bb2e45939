package io.stagewire.events.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.StageEventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Work messages to and from Kafka records: the value is the message as JSON (through
 * {@link StageEventJson}, so prices keep their scale), the key is {@link WorkMessage#key()}, and
 * the header {@value #TYPE_HEADER} names the record type for tools reading the topic.
 */
public final class WorkMessages {
    public static final String TYPE_HEADER = "stagewire-work-type";

    private WorkMessages() {
    }

    public static ProducerRecord<String, byte[]> toRecord(WorkMessage message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.key(), toJson(message));
        record.headers().add(TYPE_HEADER, message.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    public static byte[] toJson(WorkMessage message) {
        try {
            return StageEventJson.mapper().writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("work message cannot be serialised", e);
        }
    }

    /**
     * Reads a record value. Unknown fields are ignored, so senders may add fields before every
     * reader knows them. A value past {@link StageEventCodec#MAX_RECORD_BYTES} is refused unread (a
     * work message is a few hundred bytes; job-api never writes one that large), and nesting past
     * Jackson's limit of 1 000 levels fails as any other malformed JSON.
     *
     * @throws IllegalArgumentException with the reason when the value is not a {@code type}
     */
    public static <T extends WorkMessage> T read(byte[] value, Class<T> type) {
        if (value != null && value.length > StageEventCodec.MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": the value is " + value.length
                    + " bytes, the limit is " + StageEventCodec.MAX_RECORD_BYTES);
        }
        ObjectReader reader = StageEventJson.mapper().readerFor(type)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            T message = reader.readValue(value);
            if (message == null || message.requestId() == null || message.jobId() == null || message.userId() == null) {
                throw new IllegalArgumentException(type.getSimpleName() + " needs requestId, jobId and userId");
            }
            return message;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
