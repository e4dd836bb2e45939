package io.stagewire.data;

/** Postgres could not be reached or dropped the work (DatabaseOutages): worth trying again once it is back. */
public class StorageUnavailableException extends StorageException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
