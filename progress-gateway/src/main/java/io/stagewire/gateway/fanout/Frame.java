package io.stagewire.gateway.fanout;

/**
 * One server-to-client message, serialised once and shared by every connection it goes to.
 *
 * @param text        the JSON text of the frame
 * @param type        {@code subscribed}, {@code snapshot}, an event type, ... (the SSE event name)
 * @param position    the resume token it carries (the SSE id), or null
 * @param partition   for events: the partition of job.events it came from, else -1
 * @param offset      for events: its offset, else -1
 * @param coalesceKey for {@code job:progress}: channel and job, so a newer progress replaces a queued one; else null
 * @param eventTimeMillis for events: the event's time, for the delivery latency; else 0
 */
public record Frame(String text, String type, String position, int partition, long offset, String coalesceKey,
                    long eventTimeMillis) {

    public static Frame control(String text, String type, String position) {
        return new Frame(text, type, position, -1, -1, null, 0);
    }

    /** The same frame for a replay: history is not counted in the live delivery latency. */
    public Frame replayed() {
        return new Frame(text, type, position, partition, offset, coalesceKey, 0);
    }

    public boolean isEvent() {
        return partition >= 0;
    }

    /** What the frame costs in an outbound queue; chars, close enough to bytes for a bound. */
    public int weight() {
        return text.length();
    }
}
