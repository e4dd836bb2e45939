package io.stagewire.gateway.fanout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recent event frames of one job channel, oldest first, bounded by count and age: the
 * in-memory window a resume inside it is served from (issue 11), with Kafka as the fallback.
 * {@code completeAfter}: every event of the job with an offset above it is here (or came later),
 * so a resume from a position at or after it needs nothing else. Evicting a frame moves it up.
 * Not thread-safe: JobDirectory guards it.
 */
final class RecentFrames {
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    /** Each frame's event key (source and id), in the same order; and where each key first appeared. */
    private final ArrayDeque<String> keys = new ArrayDeque<>();
    private final Map<String, Long> firstOffsets = new HashMap<>();
    private long completeAfter;
    private int bytes;

    RecentFrames(long completeAfter) {
        this.completeAfter = completeAfter;
    }

    /** Appends a frame of the event {@code key} and evicts past the bounds; returns the change in bytes held. */
    int add(Frame frame, String key, int maxFrames, long oldestMillis) {
        frames.addLast(frame);
        keys.addLast(key);
        firstOffsets.putIfAbsent(key, frame.offset());
        int weight = frame.weight() + keyWeight(key);
        bytes += weight;
        return weight + trim(maxFrames, oldestMillis);
    }

    /** Where the event {@code key} first appeared among the frames held, if it is among them. */
    Optional<Long> firstOffsetOf(String key) {
        return Optional.ofNullable(firstOffsets.get(key));
    }

    /** The key's share of the memory: its characters, the map entry and the deque slot. */
    private static int keyWeight(String key) {
        return 2 * key.length() + 96;
    }

    /** An event of the job that is not kept (too old to window): nothing before it can be served from here. */
    int skip(long offset) {
        int freed = -bytes;
        frames.clear();
        keys.clear();
        firstOffsets.clear();
        bytes = 0;
        completeAfter = Math.max(completeAfter, offset);
        return freed;
    }

    /** Evicts frames past the count or older than {@code oldestMillis}; returns the (negative) change in bytes. */
    int trim(int maxFrames, long oldestMillis) {
        int before = bytes;
        while (!frames.isEmpty() && (frames.size() > maxFrames || frames.peekFirst().eventTimeMillis() < oldestMillis)) {
            evictOldest();
        }
        return bytes - before;
    }

    /** Drops everything (memory pressure); returns the (negative) change in bytes. */
    int clear() {
        int before = bytes;
        while (!frames.isEmpty()) {
            evictOldest();
        }
        return -before;
    }

    private void evictOldest() {
        Frame oldest = frames.removeFirst();
        String key = keys.removeFirst();
        firstOffsets.remove(key, oldest.offset());
        bytes -= oldest.weight() + keyWeight(key);
        completeAfter = Math.max(completeAfter, oldest.offset());
    }

    /**
     * Every frame with an offset in {@code (after, before)}, or empty when the window does not
     * reach back to {@code after} (then history must come from Kafka).
     */
    Optional<List<Frame>> between(long after, long before) {
        if (after < completeAfter) {
            return Optional.empty();
        }
        List<Frame> found = new ArrayList<>();
        for (Frame frame : frames) {
            if (frame.offset() > after && frame.offset() < before) {
                found.add(frame);
            }
        }
        return Optional.of(found);
    }

    int size() {
        return frames.size();
    }

    int bytes() {
        return bytes;
    }

    long completeAfter() {
        return completeAfter;
    }
}
