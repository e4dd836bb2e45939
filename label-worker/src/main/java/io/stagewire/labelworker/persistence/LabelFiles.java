package io.stagewire.labelworker.persistence;

import io.stagewire.worker.persistence.StorageException;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes label files into job-api's {@code files} table (docs/storage.md). Size and checksum are
 * computed by Postgres. Ids are derived from the request, so a redelivered request writes the same
 * ids with the same bytes and {@code on conflict do nothing} keeps the first copy.
 */
@ApplicationScoped
public class LabelFiles {
    private static final String INSERT = """
            insert into files (id, user_id, job_id, kind, content_type, file_name, data)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do nothing""";

    private final DataSource dataSource;

    LabelFiles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores all files in one committed transaction: a client following the event finds every one. */
    public void store(List<LabelFile> files) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (LabelFile file : files) {
                    insert.setString(1, file.id());
                    insert.setString(2, file.userId());
                    insert.setString(3, file.jobId());
                    insert.setString(4, file.kind());
                    insert.setString(5, file.contentType());
                    insert.setString(6, file.fileName());
                    insert.setBytes(7, file.data());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot store label files " + files.stream().map(LabelFile::id).toList(), e);
        }
    }
}
