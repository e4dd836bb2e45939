package io.stagewire.gateway.websocket;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * On SIGTERM every WebSocket gets what is already queued for it and is then closed with 1012
 * ("service restart"), so clients reconnect to another replica and resume from their last
 * position instead of seeing 1006 (issue 13). Waits at most 5 s for the connections to close.
 */
@ApplicationScoped
public class GracefulShutdown {
    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);
    private static final long DRAIN_MILLIS = 5_000;

    @Inject
    OpenConnections connections;

    // Before the HTTP server and the event loops go away.
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        int closing = 0;
        for (WebSocketConnection connection : connections) {
            Session session = connection.userData().get(GatewaySocket.SESSION);
            if (session != null) {
                session.outbound.closeForRestart();
                closing++;
            }
        }
        long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
        while (connections.stream().anyMatch(WebSocketConnection::isOpen) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.infof("closed %d WebSockets with 1012 after draining", closing);
    }
}
