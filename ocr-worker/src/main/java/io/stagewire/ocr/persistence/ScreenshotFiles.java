package io.stagewire.ocr.persistence;

import io.stagewire.worker.persistence.StorageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Screenshots in job-api's {@code files} table (docs/storage.md), read by the id the OcrRequest names. */
@ApplicationScoped
public class ScreenshotFiles {

    private final DataSource dataSource;

    ScreenshotFiles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored image, or empty when no such file exists. */
    public Optional<byte[]> read(String fileId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("select data from files where id = ?")) {
            select.setString(1, fileId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read screenshot file " + fileId, e);
        }
    }
}
