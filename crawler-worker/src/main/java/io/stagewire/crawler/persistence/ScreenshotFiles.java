package io.stagewire.crawler.persistence;

import io.stagewire.worker.persistence.StorageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Screenshots in job-api's {@code files} table (docs/storage.md). Ids are chosen by the caller and deterministic,
 * so a redelivered crawl finds what an earlier run stored, and inserting twice keeps the first bytes: a file never
 * changes under its id.
 */
@ApplicationScoped
public class ScreenshotFiles {

    // A PNG's width and height sit in its first 24 bytes (signature and IHDR).
    private static final int PNG_HEADER_BYTES = 24;

    private final DataSource dataSource;

    ScreenshotFiles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the PNG, committed when this returns (autocommit), unless a file with this id exists already. */
    public void insert(String fileId, String userId, String jobId, String fileName, byte[] png) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into files (id, user_id, job_id, kind, content_type, file_name, data)
                        values (?, ?, ?, 'screenshot', 'image/png', ?, ?)
                        on conflict (id) do nothing""")) {
            insert.setString(1, fileId);
            insert.setString(2, userId);
            insert.setString(3, jobId);
            insert.setString(4, fileName);
            insert.setBytes(5, png);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot store screenshot " + fileId + " of job " + jobId, e);
        }
    }

    /** The stored PNG's first bytes (enough for its size), or empty when no such file exists. */
    public Optional<byte[]> header(String fileId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select substring(data from 1 for ?) from files where id = ?")) {
            select.setInt(1, PNG_HEADER_BYTES);
            select.setString(2, fileId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot look up screenshot " + fileId, e);
        }
    }
}
