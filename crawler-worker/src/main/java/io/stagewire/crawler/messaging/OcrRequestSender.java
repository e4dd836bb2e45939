package io.stagewire.crawler.messaging;

import io.stagewire.worker.messaging.KafkaRecords;

import io.stagewire.worker.messaging.EventSendException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.stagewire.crawler.pipeline.OcrWork;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.events.work.WorkMessages;

/** Sends OCR work to ocr.requests as {@link WorkMessages#toRecord} lays it out (keyed by screenshot id). */
@ApplicationScoped
public class OcrRequestSender implements OcrWork {

    private final MutinyEmitter<byte[]> emitter;

    OcrRequestSender(@Channel("ocr-requests") MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Blocks until the broker acknowledged. @throws EventSendException when it did not (worth retrying) */
    @Override
    public void send(OcrRequest request) {
        try {
            emitter.sendMessageAndAwait(KafkaRecords.message(WorkMessages.toRecord(request)));
        } catch (RuntimeException e) {
            throw new EventSendException("cannot send OcrRequest " + request.requestId() + " of job " + request.jobId(), e);
        }
    }
}
