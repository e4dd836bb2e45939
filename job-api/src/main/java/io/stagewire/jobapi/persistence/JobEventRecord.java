package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One stage event as it was on job.events, with its position. Written by JobEventHistory. */
@Entity
@Table(name = "job_events")
@IdClass(JobEventRecord.Key.class)
public class JobEventRecord extends PanacheEntityBase {
    @Id
    public String source;
    @Id
    public String id;
    public String jobId;
    public String userId;
    public String type;
    public OffsetDateTime time;
    /** Null until the event is on job.events: job-api records its own events before it sends them (read your writes). */
    @Column(name = "kafka_partition")
    public Integer partition;
    @Column(name = "kafka_offset")
    public Long offset;
    @Column(insertable = false, updatable = false)
    public OffsetDateTime recordedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public String data;
    /** The history is partitioned by job kind, then by when recorded (V6): kinds are kept for different times. */
    public boolean externalJob;

    /** CloudEvents identify an event by source and id (deduplicated by JobEventHistory: a partitioned table has no such unique key, V6). */
    public static class Key implements Serializable {
        public String source;
        public String id;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(source, k.source) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, id);
        }
    }
}
