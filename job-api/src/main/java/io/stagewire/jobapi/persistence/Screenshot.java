package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A captured product page (screenshot:captured) or an uploaded image of an extraction. */
@Entity
@Table(name = "screenshots")
@IdClass(ScreenshotKey.class)
public class Screenshot extends PanacheEntityBase {
    @Id
    public String jobId;
    @Id
    @Column(name = "id")
    public String screenshotId;
    public String fileId;
    public String productUrl;
    public String productName;
    @Column(name = "item_index")
    public Integer index;
    public Integer width;
    public Integer height;
    public OffsetDateTime capturedAt;
}
