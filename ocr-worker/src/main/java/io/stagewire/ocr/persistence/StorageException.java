package io.stagewire.ocr.persistence;

/** Postgres did not answer or refused a statement; worth retrying, unlike a bad request. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
