package io.stagewire.ocr.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.ocr.pipeline.LabelWork;
import io.stagewire.worker.messaging.WorkSender;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Sends label work to label.requests (keyed by screenshot id). */
@ApplicationScoped
public class LabelRequestSender implements LabelWork {

    private final WorkSender sender;

    LabelRequestSender(@Channel("label-requests") MutinyEmitter<byte[]> emitter) {
        this.sender = new WorkSender(emitter);
    }

    @Override
    public void send(LabelRequest request) {
        sender.send(request);
    }
}
