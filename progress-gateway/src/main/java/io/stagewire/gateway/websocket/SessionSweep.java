package io.stagewire.gateway.websocket;

import io.netty.util.concurrent.EventExecutor;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The open WebSocket sessions of one event loop and the one periodic tick that pings them and ends those whose
 * token expired. A Vert.x timer per connection costs a handler, a Netty task and a map entry (about 0.2 KB each,
 * two per connection: ping and expiry); here a connection costs an array slot and two longs. Used only from its
 * event loop (a connection's callbacks and the tick run there), so it takes no locks.
 */
final class SessionSweep {
    /** What the tick does to a session; {@link GatewaySocket} closes, the outbound pings. */
    interface Actions {
        void ping(Session session);

        void expire(Session session);
    }

    /** The loop this sweep belongs to; a close on another thread hands the removal to it. */
    final EventExecutor loop;
    private final LongSupplier clock;
    private final long pingMillis;
    private final Actions actions;
    private Session[] sessions = new Session[64];
    private int size;

    SessionSweep(EventExecutor loop, LongSupplier clock, long pingMillis, Actions actions) {
        this.loop = loop;
        this.clock = clock;
        this.pingMillis = pingMillis;
        this.actions = actions;
    }

    /** Starts sweeping {@code session}: pinged every ping interval from now, ended at {@code closeAtMillis}. */
    void add(Session session, long closeAtMillis) {
        if (size == sessions.length) {
            sessions = Arrays.copyOf(sessions, size * 2);
        }
        session.closeAtMillis = closeAtMillis;
        session.nextPingAtMillis = clock.getAsLong() + pingMillis;
        session.sweepSlot = size;
        session.sweep = this;
        sessions[size++] = session;
    }

    /** Stops sweeping {@code session}; nothing when it is not (or no longer) swept. */
    void remove(Session session) {
        int slot = session.sweepSlot;
        if (slot < 0 || slot >= size || sessions[slot] != session) {
            return;
        }
        Session last = sessions[--size];
        sessions[slot] = last;
        last.sweepSlot = slot;
        sessions[size] = null;
        session.sweepSlot = -1;
        session.sweep = null;
        // Shrinks after a storm of closes, so that a drained loop does not keep a 10 000-slot array.
        if (sessions.length > 64 && size < sessions.length / 4) {
            sessions = Arrays.copyOf(sessions, sessions.length / 2);
        }
    }

    /** Stops sweeping {@code session} from any thread: on its sweep's loop at once, from elsewhere handed to that loop. */
    static void leave(Session session) {
        SessionSweep sweep = session.sweep;
        if (sweep == null) {
            return;
        }
        if (sweep.loop.inEventLoop()) {
            sweep.remove(session);
        } else {
            sweep.loop.execute(() -> sweep.remove(session));
        }
    }

    int size() {
        return size;
    }

    /** One pass: expired sessions are removed and ended, due ones pinged. */
    void tick() {
        long now = clock.getAsLong();
        int i = 0;
        while (i < size) {
            Session session = sessions[i];
            if (now >= session.closeAtMillis) {
                remove(session);
                actions.expire(session);
                continue;   // the last session moved into slot i
            }
            if (now >= session.nextPingAtMillis) {
                session.nextPingAtMillis = now + pingMillis;
                actions.ping(session);
            }
            i++;
        }
    }
}
