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
import java.util.Optional;
import javax.sql.DataSource;

/** Reads the rows job-api stored from an uploaded price list (docs/storage.md); never writes. */
@ApplicationScoped
public class PriceListRows {
    // The outer join tells a list without rows (empty) from no list at all (no result).
    private static final String ROWS = """
            select r.article_number, r.name, r.price, r.ean
              from price_lists l left join price_list_rows r on r.price_list_id = l.id
             where l.id = ?
             order by r.sheet_row""";

    private final DataSource dataSource;

    PriceListRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The list's rows, or empty when there is no such price list.
     *
     * @param currency the rows' currency: price lists carry none, their prices are in the label's
     */
    public Optional<List<PriceListRow>> load(String priceListId, String currency) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(ROWS)) {
            query.setString(1, priceListId);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                List<PriceListRow> rows = new ArrayList<>();
                do {
                    String articleNumber = result.getString(1);
                    if (articleNumber != null) {
                        rows.add(new PriceListRow(articleNumber, result.getString(2), result.getBigDecimal(3), currency,
                                result.getString(4)));
                    }
                } while (result.next());
                return Optional.of(rows);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read price list " + priceListId, e);
        }
    }
}
