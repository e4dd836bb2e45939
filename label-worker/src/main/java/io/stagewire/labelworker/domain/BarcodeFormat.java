package io.stagewire.labelworker.domain;

/**
 * Which barcode a template asks for; the names are those of {@code label_templates.barcode_format}.
 */
public enum BarcodeFormat {
    /** EAN-13 when the label has a valid EAN, else Code128 of the article number. */
    AUTO,
    /** EAN-13 only: a label without a valid EAN fails rather than carry another symbology. */
    EAN_13,
    /** Code128 of the article number, even when an EAN is known. */
    CODE_128,
    /** No barcode: the price takes the whole width. */
    NONE
}
