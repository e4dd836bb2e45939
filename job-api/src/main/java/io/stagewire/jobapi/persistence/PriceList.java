package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An uploaded price list; its rows are in price_list_rows, the workbook itself in files. */
@Entity
@Table(name = "price_lists")
public class PriceList extends PanacheEntityBase {
    @Id
    public String id;
    public String userId;
    public String name;
    public String fileId;
    public int rowCount;
    public OffsetDateTime createdAt;
}
