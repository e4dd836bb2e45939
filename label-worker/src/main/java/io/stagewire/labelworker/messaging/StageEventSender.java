package io.stagewire.labelworker.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends stage events to job.events in CloudEvents binary mode, keyed by job id, exactly as
 * {@link StageEventCodec#toRecord} lays them out. Blocks until the broker acknowledged, so the
 * caller knows an event is out before it sends the next one of the item.
 */
@ApplicationScoped
public class StageEventSender {
    private final MutinyEmitter<byte[]> emitter;

    StageEventSender(@Channel("job-events") MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** @throws EventSendException when the broker did not take it (worth retrying) */
    public void send(StageEvent event) {
        ProducerRecord<String, byte[]> record = StageEventCodec.toRecord(Topics.JOB_EVENTS, event);
        Message<byte[]> message = Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic()).withKey(record.key()).withHeaders(record.headers()).build());
        try {
            emitter.sendMessageAndAwait(message);
        } catch (RuntimeException e) {
            throw new EventSendException("cannot send " + event.type() + " " + event.id() + " of job " + event.jobId(), e);
        }
    }
}
