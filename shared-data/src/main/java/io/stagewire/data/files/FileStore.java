package io.stagewire.data.files;

import java.util.List;
import java.util.Optional;

/**
 * The binary files of docs/storage.md (screenshots, labels, uploads). The workers store and read them only through
 * this interface, so an object store can take Postgres's place without a worker changing.
 */
public interface FileStore {

    /**
     * Stores the files in one commit: whoever follows the event that names them finds every one. A file whose id is
     * stored already keeps its first bytes: ids are derived from the request, so a redelivered request writes the
     * same ids with the same bytes, and a file never changes under its id.
     *
     * @throws io.stagewire.data.StorageException when the store cannot be written (worth retrying)
     */
    void storeIfAbsent(List<NewFile> files);

    /** The file's first {@code length} bytes (or all of a shorter one), or empty when there is no such file. */
    Optional<byte[]> head(String fileId, int length);

    /**
     * The file's bytes when it is {@code ownerId}'s and at most {@code maxBytes} long; the bytes are read only after
     * both checks. Another user's file is not told apart from none.
     */
    OwnedFile readOwned(String fileId, String ownerId, long maxBytes);
}
