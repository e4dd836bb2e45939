package io.stagewire.gateway.websocket;

import io.netty.buffer.Unpooled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.stagewire.gateway.fanout.Frame;
import io.stagewire.gateway.fanout.Outbound;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * The outbound queue of one WebSocket connection: text frames, closed with 4008 when the client
 * does not keep up. Frames are written as their shared UTF-8 bytes straight to the Vert.x socket
 * (no per-connection encoding), from the connection's event loop (see {@link EventLoopPumps}).
 * Without the raw socket or the loop (see {@link RawSockets}) it falls back to websockets-next's
 * {@code sendText}, written from whichever thread offers.
 */
final class WebSocketOutbound extends Outbound {
    static final CloseReason SLOW_CONSUMER = new CloseReason(CloseCodes.SLOW_CONSUMER, "too slow: resume from your last position");
    static final CloseReason RESTARTING = new CloseReason(CloseCodes.RESTARTING, "server restarting: reconnect and resume");
    static final CloseReason TOKEN_EXPIRED = new CloseReason(CloseCodes.TOKEN_EXPIRED, "access token expired");
    static final CloseReason WRITE_FAILED = new CloseReason(CloseCodes.WRITE_FAILED, "write failed: reconnect and resume");
    private static final byte[] PING = {'p'};
    private static final Logger LOG = Logger.getLogger(WebSocketOutbound.class);

    private final WebSocketConnection connection;
    private final WebSocketBase socket;
    private final EventLoopPumps pumps;
    private final Runnable pumpOnLoop = this::runRequestedPump;

    WebSocketOutbound(WebSocketConnection connection, WebSocketBase socket, EventLoopPumps pumps, Limits limits,
                      Listener listener) {
        super(limits, listener);
        this.connection = connection;
        this.socket = socket;
        this.pumps = pumps;
    }

    @Override
    protected void requestPump() {
        if (pumps == null) {
            runRequestedPump();
        } else {
            pumps.request(pumpOnLoop);
        }
    }

    @Override
    protected CompletionStage<?> write(Frame frame) {
        if (socket == null) {
            return connection.sendText(frame.text()).subscribeAsCompletionStage();
        }
        // A new wrapper per write (Netty releases it once written); the bytes underneath are shared.
        return socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(frame.utf8()), true))
                .toCompletionStage();
    }

    /** A WebSocket ping (the payload is never read), to keep proxies and NATs from dropping an idle connection. */
    void ping() {
        if (socket == null) {
            connection.sendPing(Buffer.buffer(PING)).subscribe().with(ok -> { }, failure -> { });
        } else {
            socket.writePing(Buffer.buffer(PING));
        }
    }

    /** Closes with 4001: the token that opened the connection expired; the client reconnects with a fresh one. */
    void closeAsExpired() {
        connection.close(TOKEN_EXPIRED).subscribe().with(ok -> { }, failure -> { });
    }

    /** Writes what is queued, then closes with 1012 (the gateway is stopping, issue 13). */
    void closeForRestart() {
        closeWhenDrained();
    }

    @Override
    protected void closeNormally() {
        connection.close(RESTARTING).subscribe().with(ok -> { }, failure -> { });
    }

    @Override
    protected void closeAfterWriteFailure(Throwable failure) {
        if (connection.isOpen()) {
            LOG.warnf("connection %s: a write failed (%s); closing it with 1011 so that the client resumes", connection.id(), failure);
            connection.close(WRITE_FAILED).subscribe().with(ok -> { }, closeFailure -> { });
        }
    }

    @Override
    protected void closeAsSlowConsumer() {
        connection.close(SLOW_CONSUMER).subscribe().with(ok -> { }, failure -> { });
    }
}
