package io.stagewire.labelworker.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The one thing the worker asks about a job (docs/work-messages.md, Cancellation). */
@ApplicationScoped
public class Jobs {
    private final DataSource dataSource;

    Jobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when the user cancelled the job; a job job-api does not know is not cancelled. */
    public boolean isCancelled(String jobId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select status = 'cancelled' from jobs where id = ?")) {
            query.setString(1, jobId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the status of job " + jobId, e);
        }
    }
}
