package io.stagewire.labelworker.service;

/** A price-list file cannot be read as a price list at all; the message says what to fix. */
public class PriceListFormatException extends Exception {

    public PriceListFormatException(String message) {
        super(message);
    }

    public PriceListFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
