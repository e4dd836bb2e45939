package io.stagewire.events;

/**
 * Header names on dead-letter records. They are the ones SmallRye Reactive Messaging's
 * {@code dead-letter-queue} failure strategy writes, so records sent by hand and by the
 * framework read the same.
 */
public final class DeadLetterHeaders {
    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private DeadLetterHeaders() {
    }
}
