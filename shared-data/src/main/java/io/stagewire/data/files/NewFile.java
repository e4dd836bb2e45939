package io.stagewire.data.files;

import java.util.Objects;

/**
 * A file to store. Size and checksum are computed by the store.
 *
 * @param jobId the job the file belongs to; null for a user's upload outside a job
 * @param fileName the name a download offers; may be null
 */
public record NewFile(String id, String userId, String jobId, FileKind kind, String contentType, String fileName,
                      byte[] data) {

    public NewFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(data, "data");
    }
}
