package io.stagewire.ocr.messaging;

import io.stagewire.events.JobIds;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.events.work.WorkMessages;

/** Reads an ocr.requests record and refuses one that cannot be answered with stage events. */
final class OcrRequests {

    // The data schemas limit screenshotId to 1-128 characters; files.id is varchar(128).
    private static final int MAX_ID_CHARS = 128;

    private OcrRequests() {
    }

    /** @throws IllegalArgumentException with the reason, which becomes the dead letter's dead-letter-reason */
    static OcrRequest decode(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("the record has no value");
        }
        OcrRequest request = WorkMessages.read(value, OcrRequest.class);
        if (!JobIds.isValid(request.jobId())) {
            throw new IllegalArgumentException("jobId '" + request.jobId() + "' is not 1-128 of A-Za-z0-9._:-");
        }
        // Event and label request ids derive from requestId, and the envelope allows ids of up to 256 characters.
        requireText("requestId", request.requestId(), MAX_ID_CHARS);
        requireText("userId", request.userId(), 256);
        requireText("screenshotId", request.screenshotId(), MAX_ID_CHARS);
        requireText("fileId", request.fileId(), MAX_ID_CHARS);
        // The label worker needs a template for the label; only an extraction (ocrOnly) goes without.
        if (!request.ocrOnly()) {
            requireText("templateId (unless ocrOnly)", request.templateId(), MAX_ID_CHARS);
        }
        return request;
    }

    private static void requireText(String field, String value, int maxChars) {
        if (value == null || value.isBlank() || value.length() > maxChars) {
            throw new IllegalArgumentException("OcrRequest needs " + field + " of 1-" + maxChars + " characters");
        }
    }
}
