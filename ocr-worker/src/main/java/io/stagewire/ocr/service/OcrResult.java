package io.stagewire.ocr.service;

/**
 * What reading one screenshot gave.
 *
 * @param fields     the product fields
 * @param text       all recognised text, one line per text line (for the OCR results view and for diagnosis)
 * @param durationMs time spent decoding, recognising and extracting, without time queued for an engine
 */
public record OcrResult(ProductFields fields, String text, long durationMs) {
}
