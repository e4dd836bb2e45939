package io.stagewire.gateway.fanout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
    private long completeAfter;
    private int bytes;

    RecentFrames(long completeAfter) {
        this.completeAfter = completeAfter;
    }

    /** Appends a frame and evicts past the bounds; returns the change in bytes held. */
    int add(Frame frame, int maxFrames, long oldestMillis) {
        frames.addLast(frame);
        bytes += frame.weight();
        return frame.weight() + trim(maxFrames, oldestMillis);
    }

    /** An event of the job that is not kept (too old to window): nothing before it can be served from here. */
    int skip(long offset) {
        int freed = -bytes;
        frames.clear();
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
        bytes -= oldest.weight();
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
