package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Generated;

/** A binary file in Postgres (docs/storage.md). Size and checksum are computed by the database. */
@Entity
@Table(name = "files")
public class StoredFile extends PanacheEntityBase {
    public static final String KIND_SCREENSHOT = "screenshot";
    public static final String KIND_UPLOAD = "upload";
    public static final String KIND_PRICE_LIST = "price-list";

    @Id
    public String id;
    public String userId;
    public String jobId;
    public String kind;
    public String contentType;
    public String fileName;
    public byte[] data;
    @Generated
    @Column(insertable = false, updatable = false)
    public Long sizeBytes;
    @Generated
    @Column(insertable = false, updatable = false)
    public String sha256;
    public OffsetDateTime createdAt;
}
