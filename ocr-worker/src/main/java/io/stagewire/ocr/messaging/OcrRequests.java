package io.stagewire.ocr.messaging;

import static io.stagewire.worker.messaging.WorkRequestDecoder.MAX_ID_CHARS;
import static io.stagewire.worker.messaging.WorkRequestDecoder.requireText;

import io.stagewire.events.work.OcrRequest;
import io.stagewire.worker.messaging.WorkRequestDecoder;

/** Reads an ocr.requests record and refuses one that cannot be answered with stage events. */
final class OcrRequests {

    private OcrRequests() {
    }

    /** @throws IllegalArgumentException with the reason, which becomes the dead letter's dead-letter-reason */
    static OcrRequest decode(byte[] value) {
        OcrRequest request = WorkRequestDecoder.decode(value, OcrRequest.class);
        requireText(OcrRequest.class, "screenshotId", request.screenshotId(), MAX_ID_CHARS);
        requireText(OcrRequest.class, "fileId", request.fileId(), MAX_ID_CHARS);
        // The label worker needs a template for the label; only an extraction (ocrOnly) goes without.
        if (!request.ocrOnly()) {
            requireText(OcrRequest.class, "templateId (unless ocrOnly)", request.templateId(), MAX_ID_CHARS);
        }
        return request;
    }
}
