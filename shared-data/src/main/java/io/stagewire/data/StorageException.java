package io.stagewire.data;

/** Postgres did not answer as expected; worth retrying, as every row a worker writes has a stable id. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
