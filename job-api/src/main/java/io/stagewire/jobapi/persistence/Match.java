package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** How one OCR result fared against the price list (match:found or match:failed). */
@Entity
@Table(name = "matches")
@IdClass(ScreenshotKey.class)
public class Match extends PanacheEntityBase {
    public static final String MATCHED = "matched";
    public static final String UNMATCHED = "unmatched";

    @Id
    @Column(name = "job_id")
    public String jobId;
    @Id
    @Column(name = "screenshot_id")
    public String screenshotId;
    public String status;
    @Column(name = "article_number")
    public String articleNumber;
    @Column(name = "ocr_article_number")
    public String ocrArticleNumber;
    @Column(name = "matched_by")
    public String matchedBy;
    public String name;
    @Column(name = "list_price")
    public BigDecimal listPrice;
    @Column(name = "shop_price")
    public BigDecimal shopPrice;
    @Column(name = "price_difference")
    public BigDecimal priceDifference;
    public String currency;
    public String ean;
    public String reason;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
