package io.stagewire.labelworker.messaging;

import static io.stagewire.worker.messaging.WorkRequestDecoder.MAX_ID_CHARS;
import static io.stagewire.worker.messaging.WorkRequestDecoder.requireText;

import io.stagewire.events.work.LabelRequest;
import io.stagewire.worker.messaging.WorkRequestDecoder;

/** Reads a label.requests record and refuses one that cannot be answered with stage events. */
final class LabelRequests {

    private LabelRequests() {
    }

    /** @throws IllegalArgumentException with the reason, which becomes the dead letter's dead-letter-reason */
    static LabelRequest decode(byte[] value) {
        LabelRequest request = WorkRequestDecoder.decode(value, LabelRequest.class);
        requireText(LabelRequest.class, "screenshotId", request.screenshotId(), MAX_ID_CHARS);
        requireText(LabelRequest.class, "templateId", request.templateId(), MAX_ID_CHARS);
        return request;
    }
}
