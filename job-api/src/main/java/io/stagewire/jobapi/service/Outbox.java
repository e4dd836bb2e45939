package io.stagewire.jobapi.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.Topics;
import io.stagewire.events.work.WorkMessage;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.jobapi.persistence.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import io.stagewire.events.data.EventData;

/**
 * Writes Kafka records into the outbox inside the caller's transaction, so they are sent if and
 * only if the state they announce is committed. OutboxRelay sends them.
 */
@ApplicationScoped
public class Outbox {
    /** The CloudEvents source of every event job-api produces. */
    public static final String SOURCE = "/stagewire/job-api";

    private final AtomicLong added = new AtomicLong();
    private final JobEventHistory history;

    Outbox(JobEventHistory history) {
        this.history = history;
    }

    /** How many records were added since start (committed or not): a change tells a caller there may be something to relay. */
    public long added() {
        return added.get();
    }

    /** The event goes on job.events and, in the same transaction, into the job's history (read your writes). */
    public Uni<Void> event(StageEvent event) {
        return history.recordAnnounced(event).chain(() -> add(StageEventCodec.toRecord(Topics.JOB_EVENTS, event)));
    }

    /** A new job-api event for the job. */
    public Uni<Void> event(String jobId, String userId, EventData data) {
        return event(jobId, userId, data, OffsetDateTime.now());
    }

    /** The same, stamped with the instant job-api decided it (the throttle measures from there). */
    public Uni<Void> event(String jobId, String userId, EventData data, OffsetDateTime at) {
        return event(data.toEvent(UUID.randomUUID().toString(), SOURCE, jobId, userId, at));
    }

    public Uni<Void> work(WorkMessage message) {
        return add(WorkMessages.toRecord(message));
    }

    private Uni<Void> add(ProducerRecord<String, byte[]> record) {
        OutboxMessage message = new OutboxMessage();
        message.topic = record.topic();
        message.recordKey = record.key();
        message.headers = headersAsJson(record);
        message.payload = record.value();
        message.createdAt = OffsetDateTime.now();
        added.incrementAndGet();
        return message.persist().replaceWithVoid();
    }

    private static String headersAsJson(ProducerRecord<String, byte[]> record) {
        ObjectNode headers = StageEventJson.object();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        try {
            return StageEventJson.mapper().writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
