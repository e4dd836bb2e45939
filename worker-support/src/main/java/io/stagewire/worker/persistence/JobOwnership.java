package io.stagewire.worker.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The job a work request names, as job-api stored it. Work topics are written by job-api and the workers only, and
 * job-api stores a job before it asks for work on it, so a request for a job without a row, or whose {@code userId}
 * is not the job's owner, was not written by them: it is refused, and nothing it names is read for it.
 */
@ApplicationScoped
public class JobOwnership {

    private final DataSource dataSource;

    JobOwnership(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A job of job-api's whose owner is the request's user. */
    public record OwnedJob(String id, String ownerId, boolean cancelled) {
    }

    /**
     * @throws ForeignWorkRequestException when there is no such job or {@code userId} is not its owner
     * @throws StorageException when Postgres cannot be asked (worth retrying)
     */
    public OwnedJob require(String jobId, String userId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select user_id, status = 'cancelled' from jobs where id = ?")) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new ForeignWorkRequestException("job " + jobId + " does not exist: job-api stores a job before it asks for work on it");
                }
                String owner = row.getString(1);
                if (!owner.equals(userId)) {
                    throw new ForeignWorkRequestException("userId '" + userId + "' is not the owner of job " + jobId);
                }
                return new OwnedJob(jobId, owner, row.getBoolean(2));
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the owner of job " + jobId, e);
        }
    }
}
