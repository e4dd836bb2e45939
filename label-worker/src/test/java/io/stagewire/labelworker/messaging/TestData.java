package io.stagewire.labelworker.messaging;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Rows job-api would have written, inserted directly with SQL. */
final class TestData {
    private final DataSource dataSource;

    TestData(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record Row(String articleNumber, String name, String price, String ean) {
    }

    void job(String jobId, String userId, String status) {
        update("""
                insert into jobs (id, user_id, kind, status, stage, template_id, status_since, created_at, updated_at)
                values (?, ?, 'crawl', ?, 'matching', 'default', now(), now(), now())""", jobId, userId, status);
    }

    /** A price list with its workbook file, as PriceListImport would store it; returns its id. */
    String priceList(String userId, Row... rows) {
        String id = UUID.randomUUID().toString();
        String fileId = UUID.randomUUID().toString();
        update("insert into files (id, user_id, kind, content_type, data) values (?, ?, 'price-list', "
                + "'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ?)", fileId, userId, new byte[] {1});
        update("insert into price_lists (id, user_id, name, file_id, row_count) values (?, ?, 'test', ?, ?)",
                id, userId, fileId, rows.length);
        int sheetRow = 2;
        for (Row row : rows) {
            update("insert into price_list_rows (price_list_id, article_number, sheet_row, name, price, ean) "
                    + "values (?, ?, ?, ?, ?, ?)", id, row.articleNumber(), sheetRow++, row.name(),
                    new BigDecimal(row.price()), row.ean());
        }
        return id;
    }

    String template(String userId, int widthMm, int heightMm, String barcodeFormat) {
        String id = UUID.randomUUID().toString();
        update("insert into label_templates (id, user_id, name, width_mm, height_mm, barcode_format, currency, font_size_pt) "
                + "values (?, ?, 'test', ?, ?, ?, 'EUR', 9)", id, userId, widthMm, heightMm, barcodeFormat);
        return id;
    }

    record StoredFile(String id, String kind, String contentType, String fileName, long sizeBytes, byte[] data) {
    }

    List<StoredFile> files(String jobId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select id, kind, content_type, file_name, size_bytes, data from files where job_id = ? order by kind")) {
            query.setString(1, jobId);
            List<StoredFile> files = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    files.add(new StoredFile(result.getString(1), result.getString(2), result.getString(3),
                            result.getString(4), result.getLong(5), result.getBytes(6)));
                }
            }
            return files;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
