package io.stagewire.data.jobs;

import io.stagewire.data.StorageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** A job's owner and whether it was cancelled, as job-api stored them in {@code jobs}; never writes. */
@ApplicationScoped
public class JobStatusReader {

    /** A row of {@code jobs}, the columns a worker needs. */
    public record JobStatus(String id, String ownerId, boolean cancelled) {
    }

    private final DataSource dataSource;

    JobStatusReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The job, or empty when job-api has no row for it (another system's job, or none). */
    public Optional<JobStatus> find(String jobId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select user_id, status = 'cancelled' from jobs where id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new JobStatus(jobId, row.getString(1), row.getBoolean(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw StorageException.of("cannot read the status of job " + jobId, e);
        }
    }
}
