package io.stagewire.gateway.websocket;

import io.netty.channel.EventLoop;
import io.stagewire.gateway.config.GatewayConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link SessionSweep} per event loop, each ticking once a second on its loop (see SessionSweep for why not a
 * timer per connection). The token-expiry close therefore comes up to one tick early rather than late: a session is
 * ended at its token's {@code exp} minus the configured margin minus one tick.
 */
@ApplicationScoped
public class SessionSweeps {
    static final long TICK_MILLIS = 1_000;

    private final ConcurrentHashMap<EventLoop, SessionSweep> sweeps = new ConcurrentHashMap<>();
    private final long pingMillis;
    private final long marginMillis;

    SessionSweeps(GatewayConfig config) {
        this.pingMillis = config.websocketPing().toMillis();
        this.marginMillis = config.auth().expiryMargin().toMillis() + TICK_MILLIS;
    }

    /**
     * Sweeps {@code session} on the calling event loop until {@link #remove}: pinged, and closed with 4001 when the
     * token that opened it expires. Must be called on the connection's event loop.
     */
    void add(Session session, long tokenExpiresAtSeconds) {
        sweepOfCurrentLoop().add(session, tokenExpiresAtSeconds * 1000 - marginMillis);
    }

    /** Stops sweeping {@code session}; from any thread (the removal itself runs on the session's loop). */
    void remove(Session session) {
        SessionSweep.leave(session);
    }

    private static final SessionSweep.Actions ACTIONS = new SessionSweep.Actions() {
        @Override
        public void ping(Session session) {
            session.outbound.ping();
        }

        @Override
        public void expire(Session session) {
            session.outbound.closeAsExpired();
        }
    };

    private SessionSweep sweepOfCurrentLoop() {
        ContextInternal context = (ContextInternal) Vertx.currentContext();
        EventLoop loop = currentLoop();
        return sweeps.computeIfAbsent(loop, l -> {
            SessionSweep sweep = new SessionSweep(l, System::currentTimeMillis, pingMillis, ACTIONS);
            // On the loop's own context, not the connection's duplicate (which would keep that connection's locals).
            context.unwrap().setPeriodic(TICK_MILLIS, id -> sweep.tick());
            return sweep;
        });
    }

    private static EventLoop currentLoop() {
        Context context = Vertx.currentContext();
        if (!(context instanceof ContextInternal internal) || !context.isEventLoopContext() || !Context.isOnEventLoopThread()) {
            throw new IllegalStateException("sessions are swept from their connection's event loop");
        }
        return internal.nettyEventLoop();
    }
}
