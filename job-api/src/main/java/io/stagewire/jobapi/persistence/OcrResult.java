package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The outcome of OCR for one screenshot: the fields read (ocr:completed) or why not (ocr:failed). */
@Entity
@Table(name = "ocr_results")
@IdClass(ScreenshotKey.class)
public class OcrResult extends PanacheEntityBase {
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    @Column(name = "job_id")
    public String jobId;
    @Id
    @Column(name = "screenshot_id")
    public String screenshotId;
    public String status;
    @Column(name = "ocr_result_id")
    public String ocrResultId;
    @Column(name = "article_number")
    public String articleNumber;
    public String name;
    public BigDecimal price;
    public String currency;
    public String ean;
    @JdbcTypeCode(SqlTypes.JSON)
    public String confidence;
    @Column(name = "duration_ms")
    public Long durationMs;
    public String reason;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
