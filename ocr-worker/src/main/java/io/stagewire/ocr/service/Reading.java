package io.stagewire.ocr.service;

/** A value read from the page and how sure the reading is, 0–100. */
record Reading<T>(T value, int confidence) {
}
