package io.stagewire.worker.messaging;

import io.stagewire.events.JobIds;
import io.stagewire.events.work.WorkMessage;
import io.stagewire.events.work.WorkMessages;

/**
 * Reads a work request from its record and refuses one that cannot be answered with stage events; each worker adds
 * the checks of its own request's fields. Every refusal is an {@link IllegalArgumentException} whose message becomes
 * the dead letter's dead-letter-reason.
 */
public final class WorkRequestDecoder {
    /** Ids the data schemas allow (event and file ids derive from them); {@code files.id} is varchar(128) too. */
    public static final int MAX_ID_CHARS = 128;
    /** An OIDC subject, as the envelope's {@code userid} allows. */
    public static final int MAX_USER_ID_CHARS = 256;

    private WorkRequestDecoder() {
    }

    /** The request, with the fields every request has checked: jobId, requestId, userId. */
    public static <T extends WorkMessage> T decode(byte[] value, Class<T> type) {
        if (value == null) {
            throw new IllegalArgumentException("the record has no value");
        }
        T request = WorkMessages.read(value, type);
        if (!JobIds.isValid(request.jobId())) {
            throw new IllegalArgumentException("jobId '" + request.jobId() + "' is not 1-128 of A-Za-z0-9._:-");
        }
        requireText(type, "requestId", request.requestId(), MAX_ID_CHARS);
        requireText(type, "userId", request.userId(), MAX_USER_ID_CHARS);
        return request;
    }

    /** A field that must be 1-{@code maxChars} characters, not blank. */
    public static void requireText(Class<? extends WorkMessage> type, String field, String value, int maxChars) {
        if (value == null || value.isBlank() || value.length() > maxChars) {
            throw new IllegalArgumentException(type.getSimpleName() + " needs " + field + " of 1-" + maxChars + " characters");
        }
    }
}
