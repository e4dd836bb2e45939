package io.stagewire.ocr.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of everything one OcrRequest produces, name-based UUIDs of its requestId: a redelivered request sends its
 * events and its LabelRequest again under the ids they had, which job-api and the label worker recognise as seen.
 * A retry of the item (job-api) brings a new requestId and so new ids.
 */
record OcrIds(String requestId) {

    String startedEvent() {
        return uuid("ocr-started");
    }

    /** One id for the item's end, whether completed or failed: a request ends once. */
    String endedEvent() {
        return uuid("ocr-ended");
    }

    String ocrResult() {
        return uuid("ocr-result");
    }

    String labelRequest() {
        return uuid("label-request");
    }

    private String uuid(String what) {
        // The worker's name keeps these apart from ids another worker derives from the same requestId.
        return UUID.nameUUIDFromBytes(("stagewire/ocr-worker/" + requestId + "/" + what).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
