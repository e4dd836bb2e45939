package io.stagewire.ocr.persistence;

import io.quarkus.runtime.configuration.MemorySize;
import io.stagewire.ocr.engine.OcrFailedException;
import io.stagewire.worker.persistence.StorageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Screenshots in job-api's {@code files} table (docs/storage.md), read by the id the OcrRequest names, only when
 * they belong to the job's owner and are no larger than {@code stagewire.ocr.max-screenshot-bytes}: the bytes are
 * fetched only after both checks, in the same query.
 */
@ApplicationScoped
public class ScreenshotFiles {

    private static final String SELECT = """
            select user_id = ?, octet_length(data), case when user_id = ? and octet_length(data) <= ? then data end
              from files where id = ?""";

    private final DataSource dataSource;
    private final long maxBytes;

    ScreenshotFiles(DataSource dataSource,
            @ConfigProperty(name = "stagewire.ocr.max-screenshot-bytes", defaultValue = "10M") MemorySize maxBytes) {
        this.dataSource = dataSource;
        this.maxBytes = maxBytes.asLongValue();
    }

    /**
     * The stored image.
     *
     * @throws OcrFailedException when there is no such file of {@code ownerId}'s (another user's file is not told
     *         apart from none), or it is too large
     */
    public byte[] read(String fileId, String ownerId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, ownerId);
            select.setString(2, ownerId);
            select.setLong(3, maxBytes);
            select.setString(4, fileId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || !row.getBoolean(1)) {
                    // The crawler and job-api store the file before they ask, so a missing one is not coming.
                    throw new OcrFailedException("no screenshot file " + fileId + " of the job's owner");
                }
                byte[] data = row.getBytes(3);
                if (data == null) {
                    throw new OcrFailedException("the screenshot file " + fileId + " has " + row.getLong(2)
                            + " bytes, more than the limit of " + maxBytes);
                }
                return data;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read screenshot file " + fileId, e);
        }
    }
}
