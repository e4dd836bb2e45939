package io.stagewire.gateway.websocket;

import io.netty.channel.EventLoop;
import io.quarkus.websockets.next.WebSocketConnection;
import io.quarkus.websockets.next.runtime.WebSocketConnectionBase;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.impl.ContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The Vert.x socket under a websockets-next connection and the event loop it lives on, for the
 * event frames' fast path: websockets-next only sends {@code String}s, which Vert.x encodes to
 * UTF-8 again for every connection, and writes from a foreign thread one task per frame.
 * websockets-next keeps the socket behind a package-private method; it is read once per
 * connection. If that ever fails (another Quarkus version), connections use {@code sendText}.
 */
@ApplicationScoped
public class RawSockets {
    private static final Logger LOG = Logger.getLogger(RawSockets.class);
    private static final MethodHandle WEB_SOCKET = PrivateMethods.find(WebSocketConnectionBase.class, "webSocket",
            "event frames go through sendText");

    private final ConcurrentHashMap<EventLoop, EventLoopPumps> pumps = new ConcurrentHashMap<>();

    /** Whether websockets-next's socket accessor was found (RawSocketsTest fails when an upgrade removes it). */
    static boolean fastPathAvailable() {
        return WEB_SOCKET != null;
    }

    /** The raw socket of {@code connection}, or null when it cannot be had. */
    WebSocketBase socketOf(WebSocketConnection connection) {
        if (WEB_SOCKET == null || !(connection instanceof WebSocketConnectionBase base)) {
            return null;
        }
        try {
            return (WebSocketBase) WEB_SOCKET.invoke(base);
        } catch (Throwable e) {
            LOG.debugf(e, "no raw socket for %s", connection.id());
            return null;
        }
    }

    /** The pumps of the calling event loop (a connection's callbacks run on its loop), or null off a loop. */
    EventLoopPumps pumpsOfCurrentLoop() {
        Context context = Vertx.currentContext();
        if (!(context instanceof ContextInternal internal) || !context.isEventLoopContext()) {
            return null;
        }
        EventLoop loop = internal.nettyEventLoop();
        return loop == null ? null : pumps.computeIfAbsent(loop, EventLoopPumps::new);
    }
}
