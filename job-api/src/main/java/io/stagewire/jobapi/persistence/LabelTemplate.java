package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;

/** How labels look. Built-in templates (no owner) are visible to everyone, others to their owner. */
@Entity
@Table(name = "label_templates")
public class LabelTemplate extends PanacheEntityBase {
    @Id
    public String id;
    public String userId;
    public String name;
    public int widthMm;
    public int heightMm;
    public String barcodeFormat;
    public String currency;
    public int fontSizePt;
    public OffsetDateTime createdAt;

    public static Uni<List<LabelTemplate>> visibleTo(String userId) {
        return list("userId is null or userId = ?1 order by userId nulls first, createdAt, id", userId);
    }

    public static Uni<LabelTemplate> findVisible(String id, String userId) {
        return find("id = ?1 and (userId is null or userId = ?2)", id, userId).firstResult();
    }
}
