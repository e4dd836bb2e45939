package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    @Id
    public String jobId;
    /** The screenshot the label is for; the label id or event id when the worker names none. */
    @Id
    public String itemKey;
    public LabelStatus status;
    public String labelId;
    public String screenshotId;
    public String pngFileId;
    public String pdfFileId;
    public String articleNumber;
    public String barcodeFormat;
    public String reason;
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
