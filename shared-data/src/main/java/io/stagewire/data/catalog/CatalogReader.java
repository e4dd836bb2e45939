package io.stagewire.data.catalog;

import io.stagewire.data.StorageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/** Label templates and price lists as job-api stored them (docs/storage.md); never writes. */
@ApplicationScoped
public class CatalogReader {

    // The outer join counts a list without rows as 0 and tells it from no list at all (no result).
    private static final String PRICE_LIST_SIZE = """
            select count(r.article_number), coalesce(sum(octet_length(r.article_number) + octet_length(r.name)
                   + coalesce(octet_length(r.ean), 0)), 0)
              from price_lists l left join price_list_rows r on r.price_list_id = l.id
             where l.id = ? and l.user_id = ?
             group by l.id""";
    private static final String PRICE_LIST_ROWS = """
            select article_number, name, price, ean from price_list_rows where price_list_id = ? order by sheet_row limit ?""";
    private static final String TEMPLATE = """
            select id, user_id, width_mm, height_mm, barcode_format, currency, font_size_pt
              from label_templates where id = ?""";

    private final DataSource dataSource;

    CatalogReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The template, whoever owns it: the caller checks the owner. */
    public Optional<LabelTemplateRow> template(String templateId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(TEMPLATE)) {
            query.setString(1, templateId);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LabelTemplateRow(result.getString(1), result.getString(2), result.getInt(3),
                        result.getInt(4), result.getString(5), result.getString(6).strip(), result.getInt(7)));
            }
        } catch (SQLException e) {
            throw StorageException.of("cannot read label template " + templateId, e);
        }
    }

    /** The size of {@code ownerId}'s list; empty when there is no such list of theirs (another user's is not told apart). */
    public Optional<PriceListSize> priceListSize(String priceListId, String ownerId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement size = connection.prepareStatement(PRICE_LIST_SIZE)) {
            size.setString(1, priceListId);
            size.setString(2, ownerId);
            try (ResultSet result = size.executeQuery()) {
                return result.next() ? Optional.of(new PriceListSize(result.getLong(1), result.getLong(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw StorageException.of("cannot read the size of price list " + priceListId, e);
        }
    }

    /**
     * At most {@code limit} rows of the list, in sheet order. The limit holds even if rows were added after the size
     * was read (job-api never does).
     */
    public List<PriceListEntry> priceListRows(String priceListId, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement rows = connection.prepareStatement(PRICE_LIST_ROWS)) {
            rows.setString(1, priceListId);
            rows.setInt(2, limit);
            List<PriceListEntry> read = new ArrayList<>();
            try (ResultSet result = rows.executeQuery()) {
                while (result.next()) {
                    read.add(new PriceListEntry(result.getString(1), result.getString(2), result.getBigDecimal(3),
                            result.getString(4)));
                }
            }
            return read;
        } catch (SQLException e) {
            throw StorageException.of("cannot read price list " + priceListId, e);
        }
    }
}
