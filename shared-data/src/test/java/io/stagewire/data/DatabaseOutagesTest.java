package io.stagewire.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** What the workers wait out (Postgres gone or dropping work) and what they do not (Postgres refusing it). */
class DatabaseOutagesTest {

    @Test
    void postgresGoneOrDroppingWorkIsUnavailable() {
        assertThat(StorageException.of("x", new SQLException("Connection to 127.0.0.1:5432 refused", "08001")))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(StorageException.of("x", new SQLException("An I/O error occurred while sending to the backend", "08006")))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(StorageException.of("x", new SQLException("terminating connection due to administrator command", "57P01")))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(StorageException.of("x", new SQLException("FATAL: database \"stagewire\" is not currently accepting connections", "55000")))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(StorageException.of("x", new SQLException("Sorry, acquisition timeout!"))).isInstanceOf(StorageUnavailableException.class);
        assertThat(StorageException.of("x", new SQLTransientConnectionException("pool closed"))).isInstanceOf(StorageUnavailableException.class);
        assertThat(StorageException.of("x", new SQLException("deadlock detected", "40P01"))).isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void aRefusalIsNot() {
        assertThat(StorageException.of("x", new SQLException("duplicate key value violates unique constraint", "23505")))
                .isNotInstanceOf(StorageUnavailableException.class);
        assertThat(StorageException.of("x", new SQLException("value too long", "22001"))).isNotInstanceOf(StorageUnavailableException.class);
        assertThat(StorageException.of("x", new SQLException("object not in prerequisite state", "55000")))
                .isNotInstanceOf(StorageUnavailableException.class);
        assertThat(StorageException.of("x", new SQLException("something else"))).isNotInstanceOf(StorageUnavailableException.class);
        assertThat(DatabaseOutages.isOutage(null, "no state")).isFalse();
    }
}
