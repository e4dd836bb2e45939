package io.stagewire.gateway.fanout;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The bounded outbound queue of one client connection (WebSocket or SSE). Anyone may offer
 * frames from any thread without blocking; at most {@code maxInFlight} are handed to the socket
 * at a time, the rest wait here. Every frame is delivered; only a subscription that asked for
 * conflation has a queued {@code job:progress} replaced by a newer one of the same job on the same
 * channel (the newer one goes to the end, so positions stay in order). When
 * the queue passes its bound the connection is closed as a slow consumer: it never slows the
 * Kafka consumer or other clients, and the client resumes from its last position.
 */
public abstract class Outbound {

    /** What the queue reports to metrics. */
    public interface Listener {
        void written(Frame frame);

        void coalesced();

        void slowConsumerClosed();
    }

    public record Limits(int maxFrames, int maxBytes, int maxInFlight) {
    }

    /**
     * Pump requests held back until {@link #flush()}: the fan-out offers one event to many
     * connections and then a batch of events, and asks each event loop to write once for all of
     * them instead of waking it per connection and event. Frames are queued at once (order,
     * coalescing and the bound apply as usual); only the hand-off to the socket waits. Used by one
     * thread at a time.
     */
    public static final class Deferral {
        private final java.util.ArrayList<Outbound> requested = new java.util.ArrayList<>();

        /** Requests the pumps held back so far. */
        public void flush() {
            for (int i = 0; i < requested.size(); i++) {
                requested.get(i).requestPump();
            }
            requested.clear();
        }
    }

    private final Limits limits;
    private final Listener listener;
    // Created on first backlog and dropped when drained: an idle connection holds no queue.
    private ArrayDeque<Frame> queue;
    private int queuedBytes;
    private int inFlight;
    private int waiters;
    private boolean pumping;
    private boolean pumpRequested;
    private boolean closed;
    private boolean closeWhenDrained;

    protected Outbound(Limits limits, Listener listener) {
        this.limits = limits;
        this.listener = listener;
    }

    /** Hands the frame to the socket; the stage completes when it is written. Called outside any lock. */
    protected abstract CompletionStage<?> write(Frame frame);

    /**
     * Arranges for {@link #runRequestedPump()} to run. The default runs it at once, on the caller's
     * thread; the WebSocket transport runs it on the connection's event loop instead, batched with
     * other connections of that loop, so a frame offered to many connections costs one task per
     * event loop and the socket writes happen where Netty wants them. Called at most once until the
     * requested pump has started.
     */
    protected void requestPump() {
        runRequestedPump();
    }

    /** The pump {@link #requestPump()} arranged for: moves queued frames to the socket. */
    protected final void runRequestedPump() {
        synchronized (this) {
            pumpRequested = false;
        }
        pump();
    }

    /** Closes the connection because the client does not keep up (WebSocket: 4008). */
    protected abstract void closeAsSlowConsumer();

    /**
     * A write failed and the queue closed: the transport closes the connection too, so that the client reconnects and
     * resumes instead of holding a connection nothing reaches any more. Called once, outside any lock.
     */
    protected void closeAfterWriteFailure(Throwable failure) {
    }

    /** Ends the connection normally once everything queued is written (see {@link #closeWhenDrained()}). */
    protected void closeNormally() {
    }

    /** Accepts nothing more and ends the connection once what is queued has been written. */
    public final void closeWhenDrained() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closeWhenDrained = true;
            if (pumpRequested) {
                return;
            }
            pumpRequested = true;
        }
        requestPump();
    }

    /** Queues a frame; false when the connection is closed or was just closed for being too slow. */
    public final boolean offer(Frame frame) {
        return offer(frame, null);
    }

    /** Queues a frame, its hand-off to the socket held in {@code deferral} (when not null) until that is flushed. */
    public final boolean offer(Frame frame, Deferral deferral) {
        return offer(frame, deferral, false);
    }

    /**
     * Queues a frame; with {@code conflate} (the subscription asked for it) a queued
     * {@code job:progress} of the same job and channel is replaced by this newer one.
     */
    public final boolean offer(Frame frame, Deferral deferral, boolean conflate) {
        boolean tooSlow = false;
        boolean request = false;
        synchronized (this) {
            if (closed || closeWhenDrained) {
                return false;
            }
            if (queue == null) {
                queue = new ArrayDeque<>();
            }
            if (conflate && frame.coalesceKey() != null) {
                removeQueuedProgress(frame.coalesceKey());
            }
            if (queue.size() >= limits.maxFrames() || queuedBytes + frame.weight() > limits.maxBytes()) {
                closeLocked();
                tooSlow = true;
            } else {
                queue.addLast(frame);
                queuedBytes += frame.weight();
                // A running pump sees the frame on its next turn, a full window is pumped again when a write completes.
                if (!pumpRequested && !pumping && inFlight < limits.maxInFlight()) {
                    pumpRequested = true;
                    request = true;
                }
            }
        }
        if (tooSlow) {
            listener.slowConsumerClosed();
            closeAsSlowConsumer();
            return false;
        }
        if (request) {
            if (deferral != null) {
                deferral.requested.add(this);
            } else {
                requestPump();
            }
        }
        return true;
    }

    /**
     * Blocks until the queue is at most half full, so a replay of history paces itself to the
     * client instead of overflowing the queue. False when the connection closed or the time ran out.
     */
    public final boolean awaitRoom(long timeout, TimeUnit unit) throws InterruptedException {
        return awaitRoom(timeout, unit, () -> false);
    }

    /** As {@link #awaitRoom(long, TimeUnit)}, but gives up (true) as soon as {@code giveUp} says so after a {@link #wake()}. */
    public final boolean awaitRoom(long timeout, TimeUnit unit, java.util.function.BooleanSupplier giveUp) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            waiters++;
            try {
                while (!closed && !giveUp.getAsBoolean() && queue != null
                        && (queue.size() > limits.maxFrames() / 2 || queuedBytes > limits.maxBytes() / 2)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                return !closed;
            } finally {
                waiters--;
            }
        }
    }

    /** Wakes a replay waiting in {@link #awaitRoom} (its subscription was cancelled). */
    public final synchronized void wake() {
        notifyAll();
    }

    /** Drops everything queued and closes the connection as a slow consumer (also used when a replay cannot be paced). */
    public final void dropAsSlowConsumer() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closeLocked();
        }
        listener.slowConsumerClosed();
        closeAsSlowConsumer();
    }

    /** The connection is gone: drop what is queued and accept nothing more. */
    public final void shutdown() {
        synchronized (this) {
            closeLocked();
        }
    }

    public final synchronized boolean isClosed() {
        return closed;
    }

    public final synchronized int queued() {
        return queue == null ? 0 : queue.size();
    }

    private void closeLocked() {
        closed = true;
        queue = null;
        queuedBytes = 0;
        if (waiters > 0) {
            notifyAll();
        }
    }

    private void removeQueuedProgress(String coalesceKey) {
        for (Iterator<Frame> it = queue.iterator(); it.hasNext(); ) {
            Frame queued = it.next();
            if (coalesceKey.equals(queued.coalesceKey())) {
                it.remove();
                queuedBytes -= queued.weight();
                listener.coalesced();
                return;
            }
        }
    }

    /**
     * Moves frames from the queue to the socket while fewer than maxInFlight are on their way.
     * Re-entrant calls (a write that completes at once calls back here) return at once: the
     * running loop sees their effect on its next turn, so the stack never grows with the queue.
     */
    private void pump() {
        synchronized (this) {
            if (pumping) {
                return;
            }
            pumping = true;
        }
        while (true) {
            Frame next = null;
            boolean endNow = false;
            synchronized (this) {
                if (closed || queue == null || queue.isEmpty() || inFlight >= limits.maxInFlight()) {
                    if (queue != null && queue.isEmpty()) {
                        queue = null;
                    }
                    pumping = false;
                    if (!closed && closeWhenDrained && queue == null && inFlight == 0) {
                        closeLocked();
                        endNow = true;
                    }
                } else {
                    next = queue.pollFirst();
                    queuedBytes -= next.weight();
                    inFlight++;
                    if (waiters > 0) {
                        notifyAll();
                    }
                }
            }
            if (next == null) {
                if (endNow) {
                    closeNormally();
                }
                return;
            }
            Frame sent = next;
            CompletionStage<?> written;
            try {
                written = write(sent);
            } catch (RuntimeException e) {
                written = CompletableFuture.failedFuture(e);
            }
            written.whenComplete((ignored, failure) -> written(sent, failure));
        }
    }

    private void written(Frame frame, Throwable failure) {
        boolean firstFailure = false;
        synchronized (this) {
            inFlight--;
            if (failure != null) {
                firstFailure = !closed;
                closeLocked();
            }
        }
        if (failure != null) {
            // Usually the socket is gone already; if it is not, it must not stay open with nothing reaching it.
            if (firstFailure) {
                closeAfterWriteFailure(failure);
            }
            return;
        }
        listener.written(frame);
        pump();
    }
}
