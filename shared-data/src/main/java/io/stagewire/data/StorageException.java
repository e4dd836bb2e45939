package io.stagewire.data;

import java.sql.SQLException;

/**
 * Postgres did not do what was asked. When it could not be reached or dropped the work, the exception is a
 * {@link StorageUnavailableException}, worth trying again (every row a worker writes has a stable id); otherwise
 * Postgres refused the work and trying again changes nothing.
 */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exception for {@code failure}: unavailable or refused, as {@link DatabaseOutages} tells them apart. */
    public static StorageException of(String message, SQLException failure) {
        return DatabaseOutages.isOutage(failure) ? new StorageUnavailableException(message, failure) : new StorageException(message, failure);
    }
}
