package io.stagewire.labelworker.messaging;

import io.stagewire.events.JobIds;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.events.work.WorkMessages;

/** Reads a label.requests record and refuses one that cannot be answered with stage events. */
final class LabelRequests {
    // The data schemas limit screenshotId to 1-128 characters.
    private static final int MAX_ID_CHARS = 128;

    private LabelRequests() {
    }

    /** @throws IllegalArgumentException with the reason, which becomes the dead letter's dead-letter-reason */
    static LabelRequest decode(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("the record has no value");
        }
        LabelRequest request = WorkMessages.read(value, LabelRequest.class);
        if (!JobIds.isValid(request.jobId())) {
            throw new IllegalArgumentException("jobId '" + request.jobId() + "' is not 1-128 of A-Za-z0-9._:-");
        }
        requireId("userId", request.userId(), 256);
        requireId("screenshotId", request.screenshotId(), MAX_ID_CHARS);
        requireId("templateId", request.templateId(), MAX_ID_CHARS);
        return request;
    }

    private static void requireId(String field, String value, int maxChars) {
        if (value == null || value.isBlank() || value.length() > maxChars) {
            throw new IllegalArgumentException("LabelRequest needs " + field + " of 1-" + maxChars + " characters");
        }
    }
}
