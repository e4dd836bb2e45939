package io.stagewire.gateway.auth;

import io.stagewire.gateway.config.GatewayConfig;
import io.stagewire.gateway.fanout.Viewer;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ends an SSE stream when its access token expires, a margin before {@code exp} (one Vert.x timer
 * per stream, no thread). WebSockets are ended by their event loop's sweep instead
 * (websocket.SessionSweeps), which costs a connection no timer.
 */
@ApplicationScoped
public class TokenExpiry {
    private final Vertx vertx;
    private final GatewayConfig config;

    TokenExpiry(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** Runs {@code onExpiry} when the viewer's token expires; returns the timer id for {@link #cancel}. */
    public long schedule(Viewer viewer, Runnable onExpiry) {
        long delay = viewer.expiresAtSeconds() * 1000 - config.auth().expiryMargin().toMillis() - System.currentTimeMillis();
        return vertx.setTimer(Math.max(1, delay), id -> onExpiry.run());
    }

    public void cancel(long timerId) {
        vertx.cancelTimer(timerId);
    }
}
