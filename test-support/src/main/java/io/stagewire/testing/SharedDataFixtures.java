package io.stagewire.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Rows of the shared tables (shared-data's schema) as job-api would have written them, for the workers' tests: the
 * one place outside shared-data and job-api that knows those tables' columns.
 */
public final class SharedDataFixtures {

    /** A row of a price list: the price as a decimal string, the EAN may be null. */
    public record PriceRow(String articleNumber, String name, String price, String ean) {
    }

    /** A row of {@code files}. */
    public record StoredFile(String id, String userId, String kind, String contentType, String fileName,
                             long sizeBytes, byte[] data) {
    }

    private final DataSource dataSource;

    public SharedDataFixtures(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A crawl job of {@code userId}'s in {@code status} at {@code stage}; returns its new id. */
    public String job(String userId, String status, String stage) {
        String jobId = "test-job-" + UUID.randomUUID();
        job(jobId, userId, status, stage);
        return jobId;
    }

    /** A crawl job with the built-in label template, as job-api creates one. */
    public void job(String jobId, String userId, String status, String stage) {
        execute("""
                insert into jobs (id, user_id, kind, status, stage, template_id, status_since, created_at, updated_at)
                values (?, ?, 'crawl', ?, ?, 'default', now(), now(), now())""", jobId, userId, status, stage);
    }

    public void setJobStatus(String jobId, String status) {
        execute("update jobs set status = ? where id = ?", status, jobId);
    }

    /** A screenshot as the crawler stores it; returns its file id. */
    public String screenshot(String userId, String jobId, byte[] png) {
        String fileId = UUID.randomUUID().toString();
        execute("""
                insert into files (id, user_id, job_id, kind, content_type, file_name, data)
                values (?, ?, ?, 'screenshot', 'image/png', 'product.png', ?)""", fileId, userId, jobId, png);
        return fileId;
    }

    /** A price list with its workbook file, as job-api's import stores it; returns its id. */
    public String priceList(String userId, PriceRow... rows) {
        String id = UUID.randomUUID().toString();
        String fileId = UUID.randomUUID().toString();
        execute("insert into files (id, user_id, kind, content_type, data) values (?, ?, 'price-list', "
                + "'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ?)", fileId, userId, new byte[] {1});
        execute("insert into price_lists (id, user_id, name, file_id, row_count) values (?, ?, 'test', ?, ?)",
                id, userId, fileId, rows.length);
        int sheetRow = 2;
        for (PriceRow row : rows) {
            execute("insert into price_list_rows (price_list_id, article_number, sheet_row, name, price, ean) "
                    + "values (?, ?, ?, ?, ?, ?)", id, row.articleNumber(), sheetRow++, row.name(),
                    new BigDecimal(row.price()), row.ean());
        }
        return id;
    }

    /** Adds {@code count} generated rows to a price list in one statement (for lists over a size limit). */
    public void addGeneratedPriceListRows(String priceListId, int count) {
        execute("insert into price_list_rows (price_list_id, article_number, sheet_row, name, price) "
                + "select ?, 'ART-' || n, n + 1, 'Artikel ' || n, 1.00 from generate_series(1, ?) n", priceListId, count);
    }

    /** A label template of {@code userId}'s in EUR with 9 pt text; returns its id. */
    public String template(String userId, int widthMm, int heightMm, String barcodeFormat) {
        String id = UUID.randomUUID().toString();
        execute("insert into label_templates (id, user_id, name, width_mm, height_mm, barcode_format, currency, font_size_pt) "
                + "values (?, ?, 'test', ?, ?, ?, 'EUR', 9)", id, userId, widthMm, heightMm, barcodeFormat);
        return id;
    }

    /** The job's files, by kind, then id. */
    public List<StoredFile> files(String jobId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement("""
                select id, user_id, kind, content_type, file_name, size_bytes, data
                  from files where job_id = ? order by kind, id""")) {
            query.setString(1, jobId);
            List<StoredFile> files = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    files.add(new StoredFile(result.getString(1), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getLong(6), result.getBytes(7)));
                }
            }
            return files;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
