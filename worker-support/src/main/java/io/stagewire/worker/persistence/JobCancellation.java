package io.stagewire.worker.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The cancellation check of docs/work-messages.md, asked before every item of work. */
@ApplicationScoped
public class JobCancellation {

    private final DataSource dataSource;

    JobCancellation(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether job-api marked the job cancelled; a job job-api has no row for (another system's) is not. */
    public boolean isCancelled(String jobId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select status = 'cancelled' from jobs where id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the status of job " + jobId, e);
        }
    }
}
