package io.stagewire.gateway.sse;

import io.stagewire.gateway.auth.TokenExpiry;
import io.stagewire.gateway.fanout.Frame;
import io.stagewire.gateway.fanout.Outbound;
import io.stagewire.gateway.fanout.Subscription;
import io.stagewire.gateway.fanout.Subscriptions;
import io.stagewire.gateway.fanout.Viewer;
import io.stagewire.gateway.limits.ConnectionQuota;
import io.stagewire.gateway.metrics.GatewayMetrics;
import io.vertx.core.Vertx;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * What the gateway keeps per SSE stream, as websocket.Session does per connection: its one
 * subscription, its timers (token expiry, heartbeat), and {@link #end} that releases everything
 * exactly once, whichever comes first (client gone, token expired, slow consumer, shutdown).
 */
final class SseSession {
    private static final Frame HEARTBEAT = Frame.control("", SseOutbound.HEARTBEAT, null);

    /** What a session needs from the resource that opens it. */
    record Services(Subscriptions subscriptions, OpenSseStreams openStreams, ConnectionQuota quota, TokenExpiry tokenExpiry,
                    GatewayMetrics metrics, Vertx vertx) {
    }

    private final Services services;
    private final Viewer viewer;
    private final SseEventSink sink;
    private boolean ended;
    private Subscription subscription;
    private long expiryTimer = -1;
    private long heartbeatTimer = -1;

    SseSession(Services services, Viewer viewer, SseEventSink sink) {
        this.services = services;
        this.viewer = viewer;
        this.sink = sink;
    }

    /**
     * Attaches the stream's subscription and starts its timers. False when the stream ended before
     * (the client went away at once): then nothing was started and the subscription must not be.
     */
    synchronized boolean begin(Subscription subscription, long heartbeatMillis) {
        if (ended) {
            return false;
        }
        this.subscription = subscription;
        Outbound outbound = subscription.outbound();
        services.openStreams().add(outbound);
        services.metrics().sseConnections().incrementAndGet();
        expiryTimer = services.tokenExpiry().schedule(viewer, outbound::closeWhenDrained);
        heartbeatTimer = services.vertx().setPeriodic(heartbeatMillis, id -> heartbeat(outbound));
        return true;
    }

    private void heartbeat(Outbound outbound) {
        if (sink.isClosed()) {
            end();
        } else {
            outbound.offer(HEARTBEAT);
        }
    }

    /** Releases the stream's quota, timers and subscription, and closes it; only the first call does anything. */
    void end() {
        Subscription current;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            current = subscription;
        }
        services.quota().release(viewer.sub(), ConnectionQuota.Transport.SSE);
        if (current != null) {
            services.metrics().sseConnections().decrementAndGet();
            services.tokenExpiry().cancel(expiryTimer);
            services.vertx().cancelTimer(heartbeatTimer);
            services.subscriptions().unsubscribe(current);
            services.openStreams().remove(current.outbound());
            current.outbound().shutdown();
        }
        sink.close();
    }
}
