package io.stagewire.ocr.service;

import java.util.Map;
import java.util.Optional;

/**
 * Letters OCR reads in place of digits: O and o for 0, I, l and | for 1, S for 5, B for 8.
 * Applied only where the rules expect digits (the number part of an article number, an EAN).
 */
final class LookAlikeDigits {
    /** Regex character class of a digit or one of its look-alikes. */
    static final String CHARACTER_CLASS = "[0-9OoIl|SB]";

    private static final Map<Character, Character> DIGIT_FOR = Map.of(
            'O', '0', 'o', '0',
            'I', '1', 'l', '1', '|', '1',
            'S', '5',
            'B', '8');

    /** Digits with look-alikes replaced, and how many were replaced. */
    record Fixed(String digits, int replaced) {
    }

    private LookAlikeDigits() {
    }

    /**
     * Replaces the look-alikes in {@code text}. Empty when it holds anything else, or when fewer than
     * half its characters are real digits: then it is more likely a word than a misread number.
     */
    static Optional<Fixed> fix(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        int replaced = 0;
        for (char c : text.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (DIGIT_FOR.containsKey(c)) {
                digits.append(DIGIT_FOR.get(c));
                replaced++;
            } else {
                return Optional.empty();
            }
        }
        return replaced * 2 > text.length() ? Optional.empty() : Optional.of(new Fixed(digits.toString(), replaced));
    }
}
