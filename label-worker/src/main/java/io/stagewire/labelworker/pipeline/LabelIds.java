package io.stagewire.labelworker.pipeline;

import io.stagewire.events.EventType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of everything one label request produces, derived from its requestId (name-based UUIDs,
 * version 3): a redelivered request yields the same event ids, which job-api stores once, and the
 * same file ids, which {@code on conflict do nothing} stores once. A retry brings a new requestId
 * and so new ids.
 */
record LabelIds(String requestId) {

    String event(EventType type) {
        return uuid("event/" + type.wireName());
    }

    String label() {
        return uuid("label");
    }

    String pngFile() {
        return uuid("label-png");
    }

    String pdfFile() {
        return uuid("label-pdf");
    }

    private String uuid(String what) {
        // The worker's name keeps these apart from ids another worker might derive from the same requestId.
        return UUID.nameUUIDFromBytes(("label-worker/" + requestId + "/" + what).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
