package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import io.stagewire.events.data.MatchFailed;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
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
    /** match:failed's kind: no-article-number, no-row or ambiguous; null for a match or an item that could not be matched at all. */
    public String failure;
    /** The price-list rows an ambiguous reading was close to, for review (V10). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Candidates candidates;

    /** The jsonb column's object (Hibernate Reactive reads jsonb only as an object, not as an array). */
    public record Candidates(List<MatchFailed.Candidate> rows) {
    }
    public OffsetDateTime recordedAt;
}
