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

/** A rendered label (label:generated, its PNG and PDF are rows of files) or a failed one (label:failed). */
@Entity
@Table(name = "labels")
@IdClass(Label.Key.class)
public class Label extends PanacheEntityBase {
    public static final String GENERATED = "generated";
    public static final String FAILED = "failed";

    @Id
    @Column(name = "job_id")
    public String jobId;
    /** The screenshot the label is for; the label id or event id when the worker names none. */
    @Id
    @Column(name = "item_key")
    public String itemKey;
    public String status;
    @Column(name = "label_id")
    public String labelId;
    @Column(name = "screenshot_id")
    public String screenshotId;
    @Column(name = "png_file_id")
    public String pngFileId;
    @Column(name = "pdf_file_id")
    public String pdfFileId;
    @Column(name = "article_number")
    public String articleNumber;
    @Column(name = "barcode_format")
    public String barcodeFormat;
    public String reason;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static class Key implements Serializable {
        public String jobId;
        public String itemKey;

        public Key() {
        }

        public Key(String jobId, String itemKey) {
            this.jobId = jobId;
            this.itemKey = itemKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(jobId, k.jobId) && Objects.equals(itemKey, k.itemKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, itemKey);
        }
    }
}
