package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import io.stagewire.events.data.OcrCompleted;
import java.math.BigDecimal;
import java.util.List;
import java.time.OffsetDateTime;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The outcome of OCR for one screenshot: the fields read (ocr:completed) or why not (ocr:failed). */
@Entity
@Table(name = "ocr_results")
@IdClass(ScreenshotKey.class)
public class OcrResult extends PanacheEntityBase {
    @Id
    public String jobId;
    @Id
    public String screenshotId;
    public OcrStatus status;
    public String ocrResultId;
    public String articleNumber;
    public String name;
    public BigDecimal price;
    /** The struck-through or "statt" price the shop showed beside {@link #price}; null when none was read. */
    public BigDecimal previousPrice;
    /** "ab", "from": the word before a from-price, as the shop wrote it (V9). */
    public String pricePrefix;
    public String currency;
    public String ean;
    /** Per field, 0-100, as ocr:completed reported it. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, BigDecimal> confidence;
    public Long durationMs;
    /** Where the product page stated another value than OCR read (V10); the reading stands, review decides. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Disagreements disagreements;

    /** The jsonb column's object (Hibernate Reactive reads jsonb only as an object, not as an array). */
    public record Disagreements(List<OcrCompleted.Disagreement> fields) {
    }
    public String reason;
    public OffsetDateTime recordedAt;
}
