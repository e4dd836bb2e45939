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
    @Column(name = "job_id")
    public String jobId;
    @Id
    @Column(name = "id")
    public String screenshotId;
    @Column(name = "file_id")
    public String fileId;
    @Column(name = "product_url")
    public String productUrl;
    @Column(name = "product_name")
    public String productName;
    @Column(name = "item_index")
    public Integer index;
    public Integer width;
    public Integer height;
    @Column(name = "captured_at")
    public OffsetDateTime capturedAt;
}
