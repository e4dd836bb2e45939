package io.stagewire.worker.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.stagewire.events.work.WorkMessage;
import io.stagewire.events.work.WorkMessages;

/** Sends work to the next stage's topic as {@link WorkMessages#toRecord} lays it out, waiting for the broker. */
public final class WorkSender {
    private final MutinyEmitter<byte[]> emitter;

    public WorkSender(MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Blocks until the broker acknowledged. @throws EventSendException when it did not (worth retrying) */
    public void send(WorkMessage message) {
        try {
            emitter.sendMessageAndAwait(KafkaRecords.message(WorkMessages.toRecord(message)));
        } catch (RuntimeException e) {
            throw new EventSendException("cannot send " + message.getClass().getSimpleName() + " "
                    + message.requestId() + " of job " + message.jobId(), e);
        }
    }
}
