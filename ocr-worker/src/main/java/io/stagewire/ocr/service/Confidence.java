package io.stagewire.ocr.service;

import io.stagewire.ocr.engine.Word;
import java.util.Collection;

/** Field confidences: the mean of Tesseract's confidences for the words a value was read from, less penalties for every guess the rules made. */
final class Confidence {
    /** Deducted for every look-alike character replaced by a digit (O read for 0, l for 1, ...). */
    static final int PER_LOOK_ALIKE = 10;
    /** Deducted when a value was found without a label saying what it is. */
    static final int UNLABELLED = 10;
    /** Deducted when another price of almost the same height makes the choice of selling price uncertain. */
    static final int AMBIGUOUS = 20;

    private Confidence() {
    }

    static int of(Collection<? extends Word> words, int penalty) {
        double mean = words.stream().mapToDouble(Word::confidence).average().orElse(0);
        return (int) Math.round(Math.clamp(mean - penalty, 0, 100));
    }
}
