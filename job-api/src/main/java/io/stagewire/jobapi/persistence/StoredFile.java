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
    @Column(name = "user_id")
    public String userId;
    @Column(name = "job_id")
    public String jobId;
    public String kind;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "file_name")
    public String fileName;
    public byte[] data;
    @Generated
    @Column(name = "size_bytes", insertable = false, updatable = false)
    public Long sizeBytes;
    @Generated
    @Column(name = "sha256", insertable = false, updatable = false)
    public String sha256;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
