package io.stagewire.data;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Which database failures say Postgres could not be reached or dropped the work, rather than refused it: work that
 * failed so succeeds when tried again once Postgres is back (a restart, a fail-over, a deadlock), while a refusal (a
 * constraint, a value out of range) fails the same way every time. Shared by job-api (reactive driver) and the
 * workers (JDBC), so both wait out the same outages (docs/reliability.md).
 */
public final class DatabaseOutages {
    /** SQLSTATEs of a server going away or of work it dropped (PostgreSQL, Appendix A); class 08 is added by prefix. */
    private static final Set<String> DROPPED = Set.of(
            "57P01", // admin_shutdown (also what pg_terminate_backend sends)
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now: starting up, in recovery
            "53300", // too_many_connections
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03"); // lock_not_available

    private DatabaseOutages() {
    }

    /** True for a SQLSTATE (with its message: 55000 is an outage only when the database refuses connections). */
    public static boolean isOutage(String sqlState, String message) {
        if (sqlState == null) {
            return false;
        }
        return sqlState.startsWith("08") || DROPPED.contains(sqlState)
                || ("55000".equals(sqlState) && message != null && message.contains("not currently accepting connections"));
    }

    /** True for a JDBC failure of that kind (the driver's and the pool's: Agroal's acquisition timeout has no SQLSTATE). */
    public static boolean isOutage(SQLException failure) {
        return failure instanceof SQLTransientException || failure instanceof SQLRecoverableException
                || failure instanceof SQLNonTransientConnectionException
                || isOutage(failure.getSQLState(), failure.getMessage())
                || (failure.getSQLState() == null && String.valueOf(failure.getMessage()).contains("acquisition timeout"));
    }
}
