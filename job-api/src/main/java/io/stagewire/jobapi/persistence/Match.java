package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    @Id
    public String jobId;
    @Id
    public String screenshotId;
    public MatchStatus status;
    public String articleNumber;
    public String ocrArticleNumber;
    public String matchedBy;
    public String name;
    public BigDecimal listPrice;
    public BigDecimal shopPrice;
    public BigDecimal priceDifference;
    public String currency;
    public String ean;
    public String reason;
    public OffsetDateTime recordedAt;
}
