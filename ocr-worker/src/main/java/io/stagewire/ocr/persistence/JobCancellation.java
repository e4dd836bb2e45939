package io.stagewire.ocr.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** The cancellation check of docs/work-messages.md, asked before every screenshot. */
@ApplicationScoped
public class JobCancellation {

    private final DataSource dataSource;

    JobCancellation(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Whether job-api marked the job cancelled. A job without a row (sent by an external system before job-api
     * recorded it) is not cancelled.
     */
    public boolean isCancelled(String jobId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select status = 'cancelled' from jobs where id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the status of job " + jobId, e);
        }
    }
}
