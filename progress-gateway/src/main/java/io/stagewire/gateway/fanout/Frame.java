package io.stagewire.gateway.fanout;

import java.nio.charset.StandardCharsets;

/**
 * One server-to-client message, serialised once — to UTF-8 bytes — and shared by every connection
 * it goes to: the WebSocket transport writes the same bytes to each socket (no per-connection
 * encoding), SSE reads {@link #text()}.
 */
public final class Frame {
    private final byte[] utf8;
    private final String type;
    private final String position;
    private final int partition;
    private final long offset;
    private final String coalesceKey;
    private final long eventTimeMillis;
    // Decoded on demand (SSE, tests); a benign race may decode twice.
    private String text;

    /**
     * @param utf8        the JSON of the frame, UTF-8; never modified after construction
     * @param type        {@code subscribed}, {@code snapshot}, an event type, ... (the SSE event name)
     * @param position    the resume token it carries (the SSE id), or null
     * @param partition   for events: the partition of job.events it came from, else -1
     * @param offset      for events: its offset, else -1
     * @param coalesceKey for {@code job:progress}: channel and job, so a newer progress replaces a queued one; else null
     * @param eventTimeMillis for events: the event's time, for the delivery latency; else 0
     */
    public Frame(byte[] utf8, String type, String position, int partition, long offset, String coalesceKey,
                 long eventTimeMillis) {
        this.utf8 = utf8;
        this.type = type;
        this.position = position;
        this.partition = partition;
        this.offset = offset;
        this.coalesceKey = coalesceKey;
        this.eventTimeMillis = eventTimeMillis;
    }

    public Frame(String text, String type, String position, int partition, long offset, String coalesceKey,
                 long eventTimeMillis) {
        this(text.getBytes(StandardCharsets.UTF_8), type, position, partition, offset, coalesceKey, eventTimeMillis);
        this.text = text;
    }

    public static Frame control(String text, String type, String position) {
        return new Frame(text, type, position, -1, -1, null, 0);
    }

    /** The same frame (the same bytes) for a replay: history is not counted in the live delivery latency. */
    public Frame replayed() {
        return new Frame(utf8, type, position, partition, offset, coalesceKey, 0);
    }

    /** The encoded frame, shared: callers must not modify it. */
    public byte[] utf8() {
        return utf8;
    }

    public String text() {
        String t = text;
        if (t == null) {
            t = new String(utf8, StandardCharsets.UTF_8);
            text = t;
        }
        return t;
    }

    public String type() {
        return type;
    }

    public String position() {
        return position;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    public String coalesceKey() {
        return coalesceKey;
    }

    public long eventTimeMillis() {
        return eventTimeMillis;
    }

    public boolean isEvent() {
        return partition >= 0;
    }

    /** What the frame costs in an outbound queue: its bytes. */
    public int weight() {
        return utf8.length;
    }

    @Override
    public String toString() {
        return "Frame[" + type + " " + position + "]";
    }
}
