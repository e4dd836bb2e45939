package io.stagewire.ocr.messaging;

/** Kafka did not acknowledge a record; worth retrying, unlike a bad message. */
public class EventSendException extends RuntimeException {

    public EventSendException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
