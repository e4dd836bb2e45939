package io.stagewire.crawler.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

/** Rows of job-api's schema the tests set up and look at, in plain SQL. */
public final class Jobs {

    public record StoredFile(String id, String userId, String kind, String contentType, byte[] data) {
    }

    private final DataSource dataSource;

    public Jobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A crawl job in status {@code status}, as job-api would have created it; returns its id. */
    public String create(String userId, String status) {
        String jobId = "crawl-test-" + UUID.randomUUID();
        execute("""
                insert into jobs (id, user_id, kind, status, stage, shop_url, status_since, created_at, updated_at)
                values (?, ?, 'crawl', ?, 'crawling', ?, now(), now(), now())""",
                jobId, userId, status, TestSites.DEMO_SHOP + "/");
        return jobId;
    }

    public void setStatus(String jobId, String status) {
        execute("update jobs set status = ? where id = ?", status, jobId);
    }

    public List<StoredFile> files(String jobId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(
                        "select id, user_id, kind, content_type, data from files where job_id = ? order by id")) {
            select.setString(1, jobId);
            List<StoredFile> files = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    files.add(new StoredFile(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getBytes(5)));
                }
            }
            return files;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
