package io.stagewire.labelworker.persistence;

import java.util.Objects;

/**
 * One file for the {@code files} table.
 *
 * @param kind {@code label-png} or {@code label-pdf}
 */
public record LabelFile(String id, String userId, String jobId, String kind, String contentType, String fileName,
                        byte[] data) {

    public LabelFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(data, "data");
    }
}
