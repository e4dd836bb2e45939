package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
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
    @Column(name = "user_id")
    public String userId;
    public String name;
    @Column(name = "width_mm")
    public int widthMm;
    @Column(name = "height_mm")
    public int heightMm;
    @Column(name = "barcode_format")
    public String barcodeFormat;
    public String currency;
    @Column(name = "font_size_pt")
    public int fontSizePt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static Uni<List<LabelTemplate>> visibleTo(String userId) {
        return list("userId is null or userId = ?1 order by userId nulls first, createdAt, id", userId);
    }

    public static Uni<LabelTemplate> findVisible(String id, String userId) {
        return find("id = ?1 and (userId is null or userId = ?2)", id, userId).firstResult();
    }
}
