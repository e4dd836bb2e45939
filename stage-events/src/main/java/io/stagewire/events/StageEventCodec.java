package io.stagewire.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Stage events to and from Kafka records. Writes CloudEvents binary mode (ce_* headers, the data
 * as the value, keyed by job id); reads binary and structured mode. Decoding never throws: a bad
 * record yields {@link Decoded.Invalid} with the precise reason.
 */
public final class StageEventCodec {
    /** Largest record (value plus headers) accepted on job.events. */
    public static final int MAX_RECORD_BYTES = 256 * 1024;
    public static final String USERID = "userid";
    private static final String JSON = "application/json";
    private static final EventFormat STRUCTURED = new JsonFormat();

    private StageEventCodec() {
    }

    /** The binary-mode record for {@code event} on {@code topic}, keyed by job id. Rejects an invalid event. */
    public static ProducerRecord<String, byte[]> toRecord(String topic, StageEvent event) {
        requireValidData(event);
        return KafkaMessageFactory.<String>createWriter(topic, event.jobId()).writeBinary(toCloudEvent(event));
    }

    /** The event in structured mode ({@code application/cloudevents+json}). */
    public static byte[] toStructuredJson(StageEvent event) {
        requireValidData(event);
        return STRUCTURED.serialize(toCloudEvent(event));
    }

    public static Decoded decode(ConsumerRecord<String, byte[]> record) {
        return decode(record.key(), record.headers(), record.value(), record.timestamp());
    }

    /** The record's event when it is a valid one; for readers that skip the rest (tools, tests). */
    public static java.util.Optional<StageEvent> validEvent(ConsumerRecord<String, byte[]> record) {
        return decode(record) instanceof Decoded.Valid valid ? java.util.Optional.of(valid.event()) : java.util.Optional.empty();
    }

    /**
     * Decodes one record of job.events.
     *
     * @param timestampMs the record's timestamp, used as the event time when the event has none
     */
    public static Decoded decode(String key, Headers headers, byte[] value, long timestampMs) {
        int size = sizeOf(headers, value);
        if (size > MAX_RECORD_BYTES) {
            return new Decoded.Invalid("record is " + size + " bytes, the limit is " + MAX_RECORD_BYTES);
        }
        CloudEvent cloudEvent;
        try {
            MessageReader reader = KafkaMessageFactory.createReader(headers, value);
            cloudEvent = reader.toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            return new Decoded.Invalid("not a CloudEvent: " + e.getMessage());
        } catch (RuntimeException e) {
            // Jackson and the SDK throw assorted runtime exceptions on broken structured JSON.
            return new Decoded.Invalid("not a CloudEvent: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return fromCloudEvent(cloudEvent, key, timestampMs);
    }

    private static Decoded fromCloudEvent(CloudEvent ce, String key, long timestampMs) {
        if (ce.getSpecVersion() != SpecVersion.V1) {
            return new Decoded.Invalid("specversion " + ce.getSpecVersion() + " is not supported, use 1.0");
        }
        String contentType = ce.getDataContentType();
        if (contentType != null && !isJson(contentType)) {
            return new Decoded.Invalid("datacontenttype '" + contentType + "' is not application/json");
        }
        JsonNode data = null;
        if (ce.getData() != null) {
            try {
                data = StageEventJson.mapper().readTree(ce.getData().toBytes());
            } catch (JsonProcessingException e) {
                return new Decoded.Invalid("data is not JSON: " + e.getOriginalMessage());
            } catch (java.io.IOException e) {
                return new Decoded.Invalid("data is not readable: " + e.getMessage());
            }
        }
        ObjectNode envelope = envelopeOf(ce, data);
        String violations = EventSchemas.envelopeViolations(envelope);
        if (!violations.isEmpty()) {
            return new Decoded.Invalid("invalid envelope: " + violations);
        }
        EventType type = EventType.fromWireName(ce.getType()).orElseThrow();
        String dataViolations = EventSchemas.dataViolations(type, data);
        if (!dataViolations.isEmpty()) {
            return new Decoded.Invalid("invalid data for " + type + ": " + dataViolations);
        }
        if (!ce.getSubject().equals(key)) {
            return new Decoded.Invalid("record key " + (key == null ? "is missing" : "'" + key + "' differs from subject")
                    + "; job.events must be keyed by the job id '" + ce.getSubject() + "'");
        }
        OffsetDateTime time = ce.getTime() != null ? ce.getTime()
                : OffsetDateTime.ofInstant(Instant.ofEpochMilli(timestampMs), ZoneOffset.UTC);
        return new Decoded.Valid(new StageEvent(ce.getId(), type, ce.getSource().toString(), ce.getSubject(),
                (String) ce.getExtension(USERID), time, (ObjectNode) data));
    }

    /** The attributes as a JSON object, checked against stage-events/src/main/resources/io/stagewire/events/schemas/envelope.schema.json. */
    private static ObjectNode envelopeOf(CloudEvent ce, JsonNode data) {
        ObjectNode node = StageEventJson.object();
        node.put("specversion", ce.getSpecVersion().toString());
        node.put("id", ce.getId());
        node.put("source", ce.getSource() == null ? null : ce.getSource().toString());
        node.put("type", ce.getType());
        if (ce.getSubject() != null) {
            node.put("subject", ce.getSubject());
        }
        Object userId = ce.getExtension(USERID);
        if (userId != null) {
            node.set(USERID, StageEventJson.mapper().valueToTree(userId));
        }
        if (data != null) {
            node.set("data", data);
        }
        return node;
    }

    private static boolean isJson(String contentType) {
        String base = contentType.split(";", 2)[0].trim();
        return base.equalsIgnoreCase(JSON);
    }

    private static int sizeOf(Headers headers, byte[] value) {
        int size = value == null ? 0 : value.length;
        if (headers != null) {
            for (Header h : headers) {
                size += h.key().length() + (h.value() == null ? 0 : h.value().length);
            }
        }
        return size;
    }

    private static void requireValidData(StageEvent event) {
        if (!JobIds.isValid(event.jobId())) {
            throw new IllegalArgumentException("invalid job id '" + event.jobId() + "'");
        }
        String violations = EventSchemas.dataViolations(event.type(), event.data());
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("invalid data for " + event.type() + ": " + violations);
        }
    }

    private static CloudEvent toCloudEvent(StageEvent event) {
        try {
            return CloudEventBuilder.v1()
                    .withId(event.id())
                    .withType(event.type().wireName())
                    .withSource(new URI(event.source()))
                    .withSubject(event.jobId())
                    .withExtension(USERID, event.userId())
                    .withTime(event.time())
                    .withDataContentType(JSON)
                    .withData(StageEventJson.mapper().writeValueAsBytes(event.data()))
                    .build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("source is not a URI reference: " + event.source(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("data cannot be serialised", e);
        }
    }
}
