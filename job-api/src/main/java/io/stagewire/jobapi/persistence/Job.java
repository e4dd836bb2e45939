package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventPosition;
import io.stagewire.events.work.CrawlerConfig;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A job and everything job-api has computed about it from its events. */
@Entity
@Table(name = "jobs")
public class Job extends PanacheEntityBase {
    @Id
    public String id;
    public String userId;
    public JobKind kind;
    /** External jobs: the CloudEvents source of the first event seen, the only producer that may write to the job. */
    public String source;
    public JobStatus status;
    public String stage;
    public BigDecimal progress = BigDecimal.ZERO.setScale(2);
    public String shopUrl;
    public String templateId;
    public String priceListId;
    @JdbcTypeCode(SqlTypes.JSON)
    public CrawlerConfig crawlerConfig;
    public int expectedItems;
    public boolean workStarted;
    public boolean itemsFinal;
    /** Items by outcome, as last counted: {@code {"screenshots": 12, "ocrCompleted": 10, ...}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Integer> counters = new LinkedHashMap<>();
    public Integer queuePosition;
    public String failureReason;
    /** job:completed's data: ours, or what an external producer sent. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode summary;
    /** Milliseconds spent per status so far, e.g. {@code {"crawling": 5120}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Long> stageDurations = new LinkedHashMap<>();
    public OffsetDateTime statusSince;
    public Integer lastPartition;
    public Long lastOffset;
    public BigDecimal progressEmitted;
    public OffsetDateTime progressEmittedAt;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
    public OffsetDateTime finishedAt;

    public Optional<EventPosition> position() {
        return lastPartition == null ? Optional.empty() : Optional.of(new EventPosition(lastPartition, lastOffset));
    }

    /** Moves the recorded position forward; an older position (a redelivery) leaves it. */
    public void advanceTo(EventPosition position) {
        if (position().map(p -> p.compareTo(position) < 0).orElse(true)) {
            lastPartition = position.partition();
            lastOffset = position.offset();
        }
    }
}
