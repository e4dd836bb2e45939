package io.stagewire.jobapi.rest;

import io.stagewire.jobapi.service.ProblemException;

/**
 * Integer query parameters, read here rather than by JAX-RS: a value that is not a number would
 * otherwise answer 404 (the JAX-RS rule for unconvertible query parameters) instead of naming it.
 */
final class WholeNumberParam {
    private WholeNumberParam() {
    }

    /** {@code value} as an int in [min, max], {@code absent} when null or empty; 400 naming {@code name} otherwise. */
    static int of(String name, String value, int absent, int min, int max) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw ProblemException.invalid(name, name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }
}
