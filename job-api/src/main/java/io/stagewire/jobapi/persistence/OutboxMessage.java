package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Kafka record waiting in the transactional outbox; sentAt is set once the broker acknowledged it. */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String topic;
    public String recordKey;
    /** Header name to UTF-8 value, as a JSON object. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String headers;
    public byte[] payload;
    public OffsetDateTime createdAt;
    public OffsetDateTime sentAt;
}
