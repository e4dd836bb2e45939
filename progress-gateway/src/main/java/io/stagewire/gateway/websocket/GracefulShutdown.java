package io.stagewire.gateway.websocket;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.stagewire.gateway.sse.OpenSseStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * On SIGTERM every WebSocket (and SSE stream, which simply ends) gets what is already queued for it and is then closed with 1012
 * ("service restart"), so clients reconnect to another replica and resume with {@code since}
 * (issue 13). Runs in Quarkus' shutdown delay ({@code quarkus.shutdown.delay}): at ShutdownEvent
 * websockets-next has already closed everything with 1000. The closing starts after a short
 * pause so that readiness (DOWN from the same pre-shutdown step) is reported before clients move.
 */
@ApplicationScoped
public class GracefulShutdown {
    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);
    private static final long READINESS_FIRST_MILLIS = 500;

    private final OpenConnections connections;
    private final OpenSseStreams sseStreams;

    GracefulShutdown(OpenConnections connections, OpenSseStreams sseStreams) {
        this.connections = connections;
        this.sseStreams = sseStreams;
    }

    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        // Not on the pre-shutdown thread: the other pre-shutdown listeners (readiness) must not wait for us.
        Thread.ofVirtual().name("ws-restart-close").start(this::closeAllForRestart);
    }

    private void closeAllForRestart() {
        try {
            Thread.sleep(READINESS_FIRST_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int closing = 0;
        for (WebSocketConnection connection : connections) {
            Session session = connection.userData().get(GatewaySocket.SESSION);
            if (session != null) {
                session.outbound.closeForRestart();
                closing++;
            }
        }
        int ending = sseStreams.endAllWhenDrained();
        LOG.infof("closing %d WebSockets with 1012 and ending %d SSE streams after what was queued", closing, ending);
    }
}
