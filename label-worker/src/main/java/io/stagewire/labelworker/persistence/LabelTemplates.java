package io.stagewire.labelworker.persistence;

import io.stagewire.worker.persistence.StorageException;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads label templates; job-api owns and writes them. */
@ApplicationScoped
public class LabelTemplates {
    private final DataSource dataSource;

    LabelTemplates(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<StoredLabelTemplate> find(String templateId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select id, user_id, width_mm, height_mm, barcode_format, currency, font_size_pt
                       from label_templates where id = ?""")) {
            query.setString(1, templateId);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredLabelTemplate(result.getString(1), result.getString(2), result.getInt(3),
                        result.getInt(4), result.getString(5), result.getString(6).strip(), result.getInt(7)));
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read label template " + templateId, e);
        }
    }
}
