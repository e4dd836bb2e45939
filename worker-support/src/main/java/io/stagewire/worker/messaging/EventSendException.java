package io.stagewire.worker.messaging;

/** The broker did not take a record; worth retrying, as every record a worker sends has a stable id. */
public class EventSendException extends RuntimeException {

    public EventSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
