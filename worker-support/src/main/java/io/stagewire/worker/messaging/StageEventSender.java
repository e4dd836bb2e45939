package io.stagewire.worker.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Sends stage events on the worker's {@code job-events} channel in CloudEvents binary mode, keyed by
 * job id, exactly as {@link StageEventCodec#toRecord} lays them out. Blocks until the broker
 * acknowledged, so an item's events leave in order.
 */
@ApplicationScoped
public class StageEventSender {

    private final MutinyEmitter<byte[]> emitter;

    StageEventSender(@Channel("job-events") MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** @throws EventSendException when the broker did not take it */
    public void send(StageEvent event) {
        try {
            emitter.sendMessageAndAwait(KafkaRecords.message(StageEventCodec.toRecord(Topics.JOB_EVENTS, event)));
        } catch (RuntimeException e) {
            throw new EventSendException("cannot send " + event.type() + " " + event.id() + " of job " + event.jobId(), e);
        }
    }
}
