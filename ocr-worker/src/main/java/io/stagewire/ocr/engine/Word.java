package io.stagewire.ocr.engine;

/**
 * One word as Tesseract recognised it.
 *
 * @param confidence Tesseract's word confidence, 0–100
 * @param box        where the word's glyphs are; its height is what tells large text (a selling
 *                   price, a product name) from small text
 */
public record Word(String text, float confidence, Box box) {
}
