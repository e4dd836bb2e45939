package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.stagewire.events.EventPosition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A job and everything job-api has computed about it from its events. */
@Entity
@Table(name = "jobs")
public class Job extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "user_id")
    public String userId;
    public JobKind kind;
    /** External jobs: the CloudEvents source of the first event seen, the only producer that may write to the job. */
    public String source;
    public JobStatus status;
    public String stage;
    public BigDecimal progress = BigDecimal.ZERO.setScale(2);
    @Column(name = "shop_url")
    public String shopUrl;
    @Column(name = "template_id")
    public String templateId;
    @Column(name = "price_list_id")
    public String priceListId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "crawler_config")
    public String crawlerConfig;
    @Column(name = "expected_items")
    public int expectedItems;
    @Column(name = "work_started")
    public boolean workStarted;
    @Column(name = "items_final")
    public boolean itemsFinal;
    @JdbcTypeCode(SqlTypes.JSON)
    public String counters = "{}";
    @Column(name = "queue_position")
    public Integer queuePosition;
    @Column(name = "failure_reason")
    public String failureReason;
    @JdbcTypeCode(SqlTypes.JSON)
    public String summary;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "stage_durations")
    public String stageDurations = "{}";
    @Column(name = "status_since")
    public OffsetDateTime statusSince;
    @Column(name = "last_partition")
    public Integer lastPartition;
    @Column(name = "last_offset")
    public Long lastOffset;
    @Column(name = "progress_emitted")
    public BigDecimal progressEmitted;
    @Column(name = "progress_emitted_at")
    public OffsetDateTime progressEmittedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "finished_at")
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
