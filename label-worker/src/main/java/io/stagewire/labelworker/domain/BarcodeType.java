package io.stagewire.labelworker.domain;

/** The symbologies a label carries; names are those of the {@code label:generated} event's {@code barcodeFormat}. */
public enum BarcodeType {
    EAN_13,
    CODE_128
}
