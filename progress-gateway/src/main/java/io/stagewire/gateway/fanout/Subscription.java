package io.stagewire.gateway.fanout;

import java.util.ArrayList;
import java.util.List;

/**
 * One client's subscription to one channel. It is put into the channel index before its history
 * is replayed; live events that arrive meanwhile are held, and once the replay has reached the
 * point where the subscription joined the live stream (its seam) they are released in order.
 * Events below the floor (what the client already has) are never sent, which makes the seam
 * exact even when the client is ahead of this replica.
 */
public final class Subscription {
    private final Channel channel;
    private final Outbound outbound;
    private final int maxHeld;
    /** The client asked for conflation: a queued job:progress is replaced by a newer one (docs/delivery.md). */
    private final boolean conflate;
    private List<Frame> held = new ArrayList<>();
    private boolean heldOverflow;
    // Per partition: the next offset the client has not seen. Written once, when going live.
    private long[] floor;
    private volatile boolean cancelled;

    public Subscription(Channel channel, Outbound outbound, int maxHeld, boolean conflate) {
        this.channel = channel;
        this.outbound = outbound;
        this.maxHeld = maxHeld;
        this.conflate = conflate;
    }

    public Channel channel() {
        return channel;
    }

    public Outbound outbound() {
        return outbound;
    }

    public boolean isCancelled() {
        return cancelled || outbound.isClosed();
    }

    public void cancel() {
        cancelled = true;
        outbound.wake();
    }

    /** A live event, called in dispatch order by the fan-out; the socket write may wait in {@code writes}. */
    synchronized void deliver(Frame frame, Outbound.Deferral writes) {
        if (cancelled) {
            return;
        }
        if (held != null) {
            if (held.size() < maxHeld) {
                held.add(frame);
            } else {
                heldOverflow = true;
            }
            return;
        }
        if (frame.offset() >= floor[frame.partition()]) {
            outbound.offer(frame, writes, conflate);
        }
    }

    /** True when this client is ahead of the live stream somewhere, so the shared user-channel position would go back. */
    synchronized boolean isAheadOf(long[] liveNext) {
        if (floor == null) {
            return false;
        }
        for (int p = 0; p < liveNext.length; p++) {
            if (floor[p] > liveNext[p]) {
                return true;
            }
        }
        return false;
    }

    synchronized long[] floor() {
        return floor;
    }

    /**
     * The replay is done: from now on the client has everything below {@code floor}. Releases
     * the held live events above it, in order. False when more live events arrived during the
     * replay than may be held; the caller then closes the connection as a slow consumer.
     */
    public synchronized boolean goLive(long[] floor) {
        this.floor = floor;
        List<Frame> release = held;
        held = null;
        if (heldOverflow) {
            return false;
        }
        for (Frame frame : release) {
            if (frame.offset() >= floor[frame.partition()]) {
                outbound.offer(frame, null, conflate);
            }
        }
        return true;
    }
}
