package io.stagewire.labelworker.persistence;

import io.stagewire.worker.persistence.StorageException;

import io.stagewire.labelworker.domain.PriceListRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the rows job-api stored from an uploaded price list (docs/storage.md); never writes. Only a list of the
 * job's owner is read, and only after its size is known to fit {@code stagewire.label.max-price-list-rows} and
 * {@code stagewire.label.max-price-list-text-bytes}: a list is held in memory (and cached) whole.
 */
@ApplicationScoped
public class PriceListRows {
    // The outer join counts a list without rows as 0 and tells it from no list at all (no result).
    private static final String SIZE = """
            select count(r.article_number), coalesce(sum(octet_length(r.article_number) + octet_length(r.name)
                   + coalesce(octet_length(r.ean), 0)), 0)
              from price_lists l left join price_list_rows r on r.price_list_id = l.id
             where l.id = ? and l.user_id = ?
             group by l.id""";
    private static final String ROWS = """
            select article_number, name, price, ean from price_list_rows where price_list_id = ? order by sheet_row limit ?""";

    private final DataSource dataSource;
    private final int maxRows;
    private final long maxTextBytes;

    PriceListRows(DataSource dataSource,
                  @ConfigProperty(name = "stagewire.label.max-price-list-rows", defaultValue = "50000") int maxRows,
                  @ConfigProperty(name = "stagewire.label.max-price-list-text-bytes", defaultValue = "4000000") long maxTextBytes) {
        this.dataSource = dataSource;
        this.maxRows = maxRows;
        this.maxTextBytes = maxTextBytes;
    }

    /** What came of loading a price list. */
    public sealed interface Loaded {
    }

    public record Rows(List<PriceListRow> rows) implements Loaded {
    }

    /** @param reason why the list is not used, for match:failed */
    public record Refused(String reason) implements Loaded {
    }

    /**
     * The rows of {@code ownerId}'s list {@code priceListId}; another user's list is not told apart from none.
     *
     * @param currency the rows' currency: price lists carry none, their prices are in the label's
     */
    public Loaded load(String priceListId, String ownerId, String currency) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement size = connection.prepareStatement(SIZE);
             PreparedStatement rows = connection.prepareStatement(ROWS)) {
            size.setString(1, priceListId);
            size.setString(2, ownerId);
            try (ResultSet result = size.executeQuery()) {
                if (!result.next()) {
                    return new Refused("no price list '" + priceListId + "'");
                }
                long count = result.getLong(1);
                long textBytes = result.getLong(2);
                if (count > maxRows || textBytes > maxTextBytes) {
                    return new Refused("price list '" + priceListId + "' has " + count + " rows and " + textBytes
                            + " bytes of text, more than the label worker's limit of " + maxRows + " rows and "
                            + maxTextBytes + " bytes");
                }
            }
            rows.setString(1, priceListId);
            // The limit holds even if rows were added between the two queries (job-api never does).
            rows.setInt(2, maxRows);
            List<PriceListRow> read = new ArrayList<>();
            try (ResultSet result = rows.executeQuery()) {
                while (result.next()) {
                    read.add(new PriceListRow(result.getString(1), result.getString(2), result.getBigDecimal(3), currency,
                            result.getString(4)));
                }
            }
            return new Rows(read);
        } catch (SQLException e) {
            throw new StorageException("cannot read price list " + priceListId, e);
        }
    }
}
