package io.stagewire.jobapi.persistence;

import io.stagewire.data.DatabaseOutages;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * True for a failure of the reactive driver that says Postgres could not be reached or dropped the work, not that it
 * refused it ({@link DatabaseOutages}): a connection refused, closed or timed out, a server shutting down or
 * restarting, a database not accepting connections, a deadlock victim. The cause chain is searched, as Hibernate
 * Reactive and Vert.x wrap what the driver saw.
 */
public final class DatabaseOutage implements Predicate<Throwable> {
    @Override
    public boolean test(Throwable failure) {
        return isOutage(failure);
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof com.fasterxml.jackson.core.JacksonException || cause instanceof io.vertx.core.json.DecodeException) {
                // Jackson's errors are IOExceptions, but a value that does not decode is no outage: waiting would not help.
                return false;
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null) {
                // The driver's verdict on the first error Postgres sent decides.
                return DatabaseOutages.isOutage(pg.getSqlState(), pg.getErrorMessage());
            }
            if (cause instanceof org.hibernate.exception.JDBCConnectionException || cause instanceof org.hibernate.exception.LockAcquisitionException
                    || cause instanceof ClosedConnectionException || cause instanceof IOException || cause instanceof TimeoutException
                    || cause.getClass().getName().equals("io.vertx.core.impl.NoStackTraceTimeoutException")
                    || cause instanceof io.vertx.core.VertxException && String.valueOf(cause.getMessage()).contains("closed")) {
                return true;
            }
        }
        return false;
    }
}
