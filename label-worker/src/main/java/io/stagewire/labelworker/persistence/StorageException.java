package io.stagewire.labelworker.persistence;

import java.sql.SQLException;

/** Postgres could not be reached or refused a statement; worth retrying, unlike a bad message. */
public class StorageException extends RuntimeException {

    public StorageException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
