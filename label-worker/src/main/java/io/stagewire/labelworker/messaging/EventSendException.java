package io.stagewire.labelworker.messaging;

/** Kafka did not acknowledge a stage event; worth retrying, unlike a bad message. */
public class EventSendException extends RuntimeException {

    public EventSendException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
