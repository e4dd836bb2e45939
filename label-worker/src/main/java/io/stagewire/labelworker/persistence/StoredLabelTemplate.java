package io.stagewire.labelworker.persistence;

/** A row of {@code label_templates} as job-api stores it (the columns a label needs). */
public record StoredLabelTemplate(String id, int widthMm, int heightMm, String barcodeFormat, String currency,
                                 int fontSizePt) {
}
