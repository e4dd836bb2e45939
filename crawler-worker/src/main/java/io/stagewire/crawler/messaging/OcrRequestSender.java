package io.stagewire.crawler.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.stagewire.crawler.pipeline.OcrWork;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.worker.messaging.WorkSender;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Sends OCR work to ocr.requests (keyed by screenshot id). */
@ApplicationScoped
public class OcrRequestSender implements OcrWork {

    private final WorkSender sender;

    OcrRequestSender(@Channel("ocr-requests") MutinyEmitter<byte[]> emitter) {
        this.sender = new WorkSender(emitter);
    }

    @Override
    public void send(OcrRequest request) {
        sender.send(request);
    }
}
