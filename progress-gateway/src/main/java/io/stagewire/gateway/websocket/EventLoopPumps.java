package io.stagewire.gateway.websocket;

import io.netty.channel.EventLoop;
import io.netty.util.internal.PlatformDependent;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs the outbound pumps of the WebSocket connections of one event loop, batched: the fan-out
 * thread offers a frame to many connections, each asks for its pump here, and the event loop
 * runs them all in one task instead of one task per connection and frame. The socket writes then
 * happen on the connection's own event loop, with no cross-thread hand-off per frame.
 */
final class EventLoopPumps {
    private static final Logger LOG = Logger.getLogger(EventLoopPumps.class);
    private final EventLoop loop;
    private final Queue<Runnable> requested = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private volatile long drains;

    EventLoopPumps(EventLoop loop) {
        this.loop = loop;
    }

    /** Runs a connection's pump on this loop soon; from any thread. */
    void request(Runnable pump) {
        requested.offer(pump);
        if (scheduled.compareAndSet(false, true)) {
            loop.execute(drain);
        }
    }

    /** Drain tasks handed to the loop so far (one serves every request made before it ran). */
    long drains() {
        return drains;
    }

    private void drain() {
        drains++;
        // Cleared before polling: a request that comes after the last poll schedules a new drain.
        scheduled.set(false);
        Runnable next;
        while ((next = requested.poll()) != null) {
            try {
                next.run();
            } catch (RuntimeException e) {
                // One connection's failure must not stall the others on this loop.
                LOG.debugf(e, "pump failed");
            }
        }
    }
}
