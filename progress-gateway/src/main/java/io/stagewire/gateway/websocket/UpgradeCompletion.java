package io.stagewire.gateway.websocket;

import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.invoke.MethodHandle;
import org.jboss.logging.Logger;

/**
 * Ends a WebSocket's upgrade request, for Quarkus' graceful shutdown, when its connection closes. The
 * shutdown filter counts every HTTP request until its response ends, and an upgraded request's response
 * never does (the 101 is not written through it): every stop of the gateway waited the whole
 * {@code quarkus.shutdown.timeout} for requests that were long gone, 13.5 s instead of about 3.5. Counted
 * until the connection closes, a WebSocket keeps the gateway up while it still flushes what
 * {@link GracefulShutdown} queued before the 1012, and no longer. Quarkus keeps the "request done" step
 * package-private, so it is reached by reflection once (UpgradeCompletionTest fails when an upgrade moves it).
 */
@ApplicationScoped
public class UpgradeCompletion implements HttpUpgradeCheck {
    private static final Logger LOG = Logger.getLogger(UpgradeCompletion.class);
    private static final MethodHandle DONE = PrivateMethods.find(QuarkusRequestWrapper.class, "done",
            "stopping waits out quarkus.shutdown.timeout");

    static boolean available() {
        return DONE != null;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        endWhenClosed(context.httpRequest());
        return CheckResult.permitUpgrade();
    }

    static void endWhenClosed(HttpServerRequest request) {
        QuarkusRequestWrapper wrapper = DONE == null ? null : QuarkusRequestWrapper.get(request);
        if (wrapper != null && request.connection() instanceof ConnectionBase connection) {
            // A listener of the channel, not the connection's single close handler, which Vert.x may own.
            connection.channel().closeFuture().addListener(closed -> end(wrapper));
        }
    }

    private static void end(QuarkusRequestWrapper wrapper) {
        try {
            DONE.invoke(wrapper);   // idempotent: a refused upgrade's response already ended it
        } catch (Throwable e) {
            LOG.debugf(e, "upgrade request not ended");
        }
    }
}
