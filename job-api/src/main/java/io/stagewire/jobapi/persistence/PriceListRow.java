package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** One article of a price list. The label worker reads these to match OCR results. */
@Entity
@Table(name = "price_list_rows")
@IdClass(PriceListRow.Key.class)
public class PriceListRow extends PanacheEntityBase {
    @Id
    public String priceListId;
    @Id
    public String articleNumber;
    public int sheetRow;
    public String name;
    public BigDecimal price;
    public String ean;

    public static class Key implements Serializable {
        public String priceListId;
        public String articleNumber;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(priceListId, k.priceListId) && Objects.equals(articleNumber, k.articleNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(priceListId, articleNumber);
        }
    }
}
