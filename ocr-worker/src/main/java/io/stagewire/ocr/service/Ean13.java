package io.stagewire.ocr.service;

/** The GS1 check digit of an EAN-13: weights 1 and 3 alternating over the first twelve digits. */
final class Ean13 {
    private Ean13() {
    }

    static boolean isValid(String code) {
        if (code.length() != 13 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (code.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10 == code.charAt(12) - '0';
    }
}
