package io.stagewire.events;

/**
 * A record that is not a valid stage event. The message is the precise reason; it becomes the
 * {@code dead-letter-reason} header when the record is sent to a dead-letter topic.
 */
public class InvalidStageEventException extends RuntimeException {
    public InvalidStageEventException(String reason) {
        // No stack trace: this is a verdict on input, not a fault of ours, and it can be frequent.
        super(reason, null, false, false);
    }
}
