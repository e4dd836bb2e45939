package io.stagewire.gateway.websocket;

import io.quarkus.arc.ClientProxy;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.stagewire.gateway.auth.Viewers;
import io.stagewire.gateway.config.GatewayConfig;
import io.stagewire.gateway.fanout.Channel;
import io.stagewire.gateway.fanout.ErrorCode;
import io.stagewire.gateway.fanout.FanOut;
import io.stagewire.gateway.fanout.Frames;
import io.stagewire.gateway.fanout.Outbound;
import io.stagewire.gateway.fanout.ResumeFrom;
import io.stagewire.gateway.fanout.Subscription;
import io.stagewire.gateway.fanout.Subscriptions;
import io.stagewire.gateway.fanout.Viewer;
import io.stagewire.gateway.limits.ConnectionQuota;
import io.stagewire.gateway.metrics.GatewayMetrics;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The WebSocket protocol of docs/protocol.md at {@code /ws}. The upgrade is authenticated by
 * quarkus-oidc (Authorization header, or the subprotocol carrier for browsers) and checked
 * against the Origin allow-list before this endpoint sees the connection. Callbacks run on the
 * connection's event loop and never block: subscription set-up goes to worker threads.
 */
@WebSocket(path = "/ws")
public class GatewaySocket {
    private static final Logger LOG = Logger.getLogger(GatewaySocket.class);
    static final UserData.TypedKey<Session> SESSION = new UserData.TypedKey<>("stagewire.session");
    private static final CloseReason TOO_BIG = new CloseReason(CloseCodes.TOO_BIG, "frame too big");
    private static final CloseReason TOO_MANY = new CloseReason(CloseCodes.TOO_MANY_CONNECTIONS, "too many connections for this user");

    private final SecurityIdentity identity;
    private final GatewayConfig config;
    private final FanOut fanOut;
    private final Subscriptions subscriptions;
    private final SessionSweeps sweeps;
    private final GatewayMetrics metrics;
    private final RawSockets rawSockets;
    private final ConnectionQuota quota;

    GatewaySocket(SecurityIdentity identity, GatewayConfig config, FanOut fanOut, Subscriptions subscriptions,
                  SessionSweeps sweeps, GatewayMetrics metrics, RawSockets rawSockets, ConnectionQuota quota) {
        this.identity = identity;
        this.config = config;
        this.fanOut = fanOut;
        this.subscriptions = subscriptions;
        this.sweeps = sweeps;
        this.metrics = metrics;
        this.rawSockets = rawSockets;
        this.quota = quota;
    }

    @OnOpen
    @NonBlocking
    public void onOpen(WebSocketConnection connection) {
        Viewer viewer = Viewers.of(identity);
        if (!quota.tryAcquire(viewer.sub(), ConnectionQuota.Transport.WEBSOCKET)) {
            connection.close(TOO_MANY).subscribe().with(ok -> { }, failure -> { });
            return;
        }
        WebSocketBase raw = rawSockets.socketOf(connection);
        if (raw != null) {
            // The upgrade request's headers stay reachable for the connection's life (websockets-next keeps the routing
            // context) and are never read again once the handshake is answered: about 0.6 KB per idle connection.
            raw.headers().clear();
        }
        Session session = new Session(viewer.sub(),
                new WebSocketOutbound(connection, raw, rawSockets.pumpsOfCurrentLoop(),
                        subscriptions.outboundLimits(), listener()),
                new RateLimit(config.limits().opsPerSecond(), config.limits().opsBurst()));
        connection.userData().put(SESSION, session);
        metrics.webSocketConnections().incrementAndGet();
        sweeps.add(session, viewer.expiresAtSeconds());
    }

    @OnTextMessage
    @NonBlocking
    public void onText(String text, WebSocketConnection connection) {
        Session session = connection.userData().get(SESSION);
        if (session == null) {
            return;
        }
        if (text.length() > config.limits().maxFrameChars()) {
            connection.close(TOO_BIG).subscribe().with(ok -> { }, failure -> { });
            return;
        }
        ClientOp op = ClientOp.parse(text);
        if (!session.rateLimit.tryAcquire()) {
            session.outbound.offer(Frames.error(ErrorCode.RATE_LIMITED,
                    "more than " + config.limits().opsPerSecond() + " operations per second", opName(op), null));
            return;
        }
        switch (op) {
            case ClientOp.Ping ping -> session.outbound.offer(Frames.pong());
            case ClientOp.Subscribe subscribe -> subscribe(session, subscribe);
            case ClientOp.Unsubscribe unsubscribe -> unsubscribe(session, unsubscribe);
            case ClientOp.Invalid invalid -> session.outbound.offer(Frames.error(invalid.code(), invalid.message(), invalid.op(), null));
        }
    }

    @OnBinaryMessage
    @NonBlocking
    public void onBinary(Buffer ignored, WebSocketConnection connection) {
        Session session = connection.userData().get(SESSION);
        if (session != null) {
            session.outbound.offer(Frames.error(ErrorCode.BAD_REQUEST, "frames must be JSON text frames", null, null));
        }
    }

    @OnClose
    @NonBlocking
    public void onClose(WebSocketConnection connection) {
        Session session = connection.userData().remove(SESSION);
        if (session == null) {
            return;
        }
        metrics.webSocketConnections().decrementAndGet();
        quota.release(session.user, ConnectionQuota.Transport.WEBSOCKET);
        sweeps.remove(session);
        session.outbound.shutdown();
        for (Subscription subscription : session.removeAll()) {
            subscriptions.unsubscribe(subscription);
        }
    }

    @OnError
    @NonBlocking
    public void onError(Throwable failure, WebSocketConnection connection) {
        if (isTooBig(failure)) {
            // Vert.x discards a message over max-message-size and tells only us; the protocol says 1009.
            connection.close(TOO_BIG).subscribe().with(ok -> { }, f -> { });
            return;
        }
        LOG.debugf(failure, "connection %s failed", connection.id());
    }

    /** Vert.x's "would cause message buffer ... to overflow max message size" or Netty's frame length check. */
    static boolean isTooBig(Throwable failure) {
        if (failure instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException corrupted) {
            return corrupted.closeStatus().code() == CloseCodes.TOO_BIG;
        }
        return failure instanceof IllegalStateException && failure.getMessage() != null
                && failure.getMessage().contains("max message size");
    }

    /** The metrics bean itself, not its client proxy: it is called for every frame written. */
    private Outbound.Listener listener() {
        return ClientProxy.unwrap(metrics);
    }

    private void subscribe(Session session, ClientOp.Subscribe op) {
        Optional<Channel> parsed = Channel.parse(op.channel());
        if (parsed.isEmpty()) {
            session.outbound.offer(Frames.error(ErrorCode.BAD_REQUEST,
                    "bad channel name: use job:<job id> or user:<sub>", "subscribe", abbreviate(op.channel())));
            return;
        }
        Channel channel = parsed.get();
        if (!fanOut.isStarted()) {
            session.outbound.offer(Frames.error(ErrorCode.UNAVAILABLE, "the gateway is starting; try again shortly", "subscribe", channel.name()));
            return;
        }
        ResumeFrom since = null;
        if (op.since() != null) {
            Optional<ResumeFrom> resume = ResumeFrom.parse(channel, op.since(), fanOut.partitions());
            if (resume.isEmpty()) {
                session.outbound.offer(Frames.error(ErrorCode.BAD_REQUEST,
                        "\"since\" is not a position of a " + (channel.isJob() ? "job" : "user") + " channel", "subscribe", channel.name()));
                return;
            }
            since = resume.get();
        }
        if (session.has(channel.name())) {
            session.outbound.offer(Frames.error(ErrorCode.BAD_REQUEST, "already subscribed to " + channel.name(), "subscribe", channel.name()));
            return;
        }
        if (session.subscriptionCount() >= config.limits().maxSubscriptions()) {
            session.outbound.offer(Frames.error(ErrorCode.TOO_MANY_SUBSCRIPTIONS,
                    "at most " + config.limits().maxSubscriptions() + " subscriptions per connection", "subscribe", channel.name()));
            return;
        }
        Viewer viewer = Viewers.of(identity);
        Subscription subscription = subscriptions.create(channel, session.outbound, op.conflate());
        session.add(subscription);
        subscriptions.start(viewer, subscription, since, null, () -> session.removeIfCurrent(subscription));
    }

    private void unsubscribe(Session session, ClientOp.Unsubscribe op) {
        Subscription subscription = session.remove(op.channel());
        if (subscription == null) {
            session.outbound.offer(Frames.error(ErrorCode.NOT_FOUND, "not subscribed to " + abbreviate(op.channel()), "unsubscribe",
                    abbreviate(op.channel())));
            return;
        }
        subscriptions.unsubscribe(subscription);
        session.outbound.offer(Frames.unsubscribed(subscription.channel().name()));
    }

    private static String opName(ClientOp op) {
        return switch (op) {
            case ClientOp.Ping ping -> "ping";
            case ClientOp.Subscribe subscribe -> "subscribe";
            case ClientOp.Unsubscribe unsubscribe -> "unsubscribe";
            case ClientOp.Invalid invalid -> invalid.op();
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
