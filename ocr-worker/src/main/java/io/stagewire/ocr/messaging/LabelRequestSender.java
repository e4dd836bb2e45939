package io.stagewire.ocr.messaging;

import io.stagewire.worker.messaging.KafkaRecords;

import io.stagewire.worker.messaging.EventSendException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.ocr.pipeline.LabelWork;
import io.stagewire.events.work.WorkMessages;

/** Sends label work to label.requests as {@link WorkMessages#toRecord} lays it out (keyed by screenshot id). */
@ApplicationScoped
public class LabelRequestSender implements LabelWork {

    private final MutinyEmitter<byte[]> emitter;

    LabelRequestSender(@Channel("label-requests") MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Blocks until the broker acknowledged. @throws EventSendException when it did not (worth retrying) */
    @Override
    public void send(LabelRequest request) {
        try {
            emitter.sendMessageAndAwait(KafkaRecords.message(WorkMessages.toRecord(request)));
        } catch (RuntimeException e) {
            throw new EventSendException("cannot send LabelRequest " + request.requestId() + " of job " + request.jobId(), e);
        }
    }
}
