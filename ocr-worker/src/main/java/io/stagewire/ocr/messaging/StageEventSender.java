package io.stagewire.ocr.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;

/**
 * Sends stage events to job.events in CloudEvents binary mode, keyed by job id, exactly as
 * {@link StageEventCodec#toRecord} lays them out. Blocks until the broker acknowledged, so ocr:started is out
 * before ocr:completed or ocr:failed of the same item is sent.
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
        try {
            emitter.sendMessageAndAwait(KafkaRecords.message(record));
        } catch (RuntimeException e) {
            throw new EventSendException("cannot send " + event.type() + " " + event.id() + " of job " + event.jobId(), e);
        }
    }
}
