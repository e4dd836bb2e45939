package io.stagewire.ocr.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

/** Rows of job-api's schema the tests set up, in plain SQL. */
public final class Jobs {

    private final DataSource dataSource;

    public Jobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A crawl job in status {@code status}, as job-api would have created it; returns its id. */
    public String create(String userId, String status) {
        String jobId = "ocr-test-" + UUID.randomUUID();
        execute("""
                insert into jobs (id, user_id, kind, status, stage, status_since, created_at, updated_at)
                values (?, ?, 'crawl', ?, 'ocr', now(), now(), now())""", jobId, userId, status);
        return jobId;
    }

    /** A screenshot as the crawler stores it; returns its file id. */
    public String storeScreenshot(String userId, String jobId, byte[] png) {
        String fileId = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into files (id, user_id, job_id, kind, content_type, file_name, data)
                        values (?, ?, ?, 'screenshot', 'image/png', 'product.png', ?)""")) {
            insert.setString(1, fileId);
            insert.setString(2, userId);
            insert.setString(3, jobId);
            insert.setBytes(4, png);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return fileId;
    }

    private void execute(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
