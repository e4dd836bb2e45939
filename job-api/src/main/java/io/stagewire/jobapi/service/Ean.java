package io.stagewire.jobapi.service;

/** GS1 article numbers: EAN-8, UPC-A (12), EAN-13 and GTIN-14, with their check digit. */
final class Ean {
    private Ean() {
    }

    static boolean isValid(String code) {
        int length = code.length();
        if (!code.chars().allMatch(Character::isDigit) || (length != 8 && length != 12 && length != 13 && length != 14)) {
            return false;
        }
        int sum = 0;
        // From the right, leaving out the check digit, weights alternate 3, 1, 3, ...
        for (int i = length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (code.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10 == code.charAt(length - 1) - '0';
    }
}
