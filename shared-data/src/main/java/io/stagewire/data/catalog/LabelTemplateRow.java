package io.stagewire.data.catalog;

/**
 * A row of {@code label_templates} as job-api stores it (the columns a label needs).
 *
 * @param userId the owner; null for a built-in template every user may use
 */
public record LabelTemplateRow(String id, String userId, int widthMm, int heightMm, String barcodeFormat,
                               String currency, int fontSizePt) {
}
