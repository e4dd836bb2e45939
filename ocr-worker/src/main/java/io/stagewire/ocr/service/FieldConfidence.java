package io.stagewire.ocr.service;

/** How sure each field's reading is, 0–100; 0 for a field that was not found. */
public record FieldConfidence(int articleNumber, int name, int price, int ean) {
}
