package io.stagewire.data.files;

/** What {@link FileStore#readOwned} found. */
public sealed interface OwnedFile {

    record Found(byte[] data) implements OwnedFile {
    }

    /** No such file, or another user's. */
    record Missing() implements OwnedFile {
    }

    record TooLarge(long sizeBytes) implements OwnedFile {
    }
}
