package io.stagewire.jobapi.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

/** What job-api waits out (Postgres gone or dropping work) and what it does not (Postgres refusing the work). */
class DatabaseOutageTest {

    private static PgException pg(String sqlState, String message) {
        return new PgException(message, "FATAL", sqlState, null);
    }

    @Test
    void postgresGoneOrDroppingWorkIsAnOutage() {
        assertThat(DatabaseOutage.isOutage(new ConnectException("Connection refused"))).isTrue();
        assertThat(DatabaseOutage.isOutage(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(DatabaseOutage.isOutage(pg("57P01", "terminating connection due to administrator command"))).isTrue();
        assertThat(DatabaseOutage.isOutage(pg("57P03", "the database system is starting up"))).isTrue();
        assertThat(DatabaseOutage.isOutage(pg("08006", "connection failure"))).isTrue();
        assertThat(DatabaseOutage.isOutage(pg("53300", "sorry, too many clients already"))).isTrue();
        assertThat(DatabaseOutage.isOutage(pg("40P01", "deadlock detected"))).isTrue();
        assertThat(DatabaseOutage.isOutage(pg("55000", "database \"stagewire\" is not currently accepting connections"))).isTrue();
    }

    @Test
    void wrappedAsHibernateReactiveAndMutinyWrapIt() {
        Throwable wrapped = new CompletionException(new HibernateException("could not execute batch", pg("57P01", "terminating connection")));
        assertThat(new DatabaseOutage().test(wrapped)).isTrue();
    }

    @Test
    void aRefusalIsNotAnOutage() {
        assertThat(DatabaseOutage.isOutage(pg("23505", "duplicate key value violates unique constraint"))).isFalse();
        assertThat(DatabaseOutage.isOutage(pg("22001", "value too long for type character varying(64)"))).isFalse();
        assertThat(DatabaseOutage.isOutage(pg("55000", "object not in prerequisite state"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalArgumentException("bad event"))).isFalse();
        // A jsonb value the driver cannot decode (Jackson's errors are IOExceptions): waiting would not help.
        assertThat(DatabaseOutage.isOutage(new HibernateException("load failed", new io.vertx.core.json.DecodeException(
                "Failed to decode", com.fasterxml.jackson.databind.exc.MismatchedInputException.from(null, java.util.Map.class,
                        "Cannot deserialize from Array value"))))).isFalse();
        // A refusal wrapping an I/O-looking cause further down is still a refusal: the driver's verdict comes first.
        assertThat(DatabaseOutage.isOutage(new HibernateException("insert failed", pg("23503", "violates foreign key constraint")))).isFalse();
    }
}
