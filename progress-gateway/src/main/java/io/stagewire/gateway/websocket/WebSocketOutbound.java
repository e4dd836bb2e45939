package io.stagewire.gateway.websocket;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.stagewire.gateway.fanout.Frame;
import io.stagewire.gateway.fanout.Outbound;
import java.util.concurrent.CompletionStage;

/** The outbound queue of one WebSocket connection: text frames, closed with 4008 when the client does not keep up. */
final class WebSocketOutbound extends Outbound {
    static final CloseReason SLOW_CONSUMER = new CloseReason(CloseCodes.SLOW_CONSUMER, "too slow: resume from your last position");

    private final WebSocketConnection connection;

    WebSocketOutbound(WebSocketConnection connection, Limits limits, Listener listener) {
        super(limits, listener);
        this.connection = connection;
    }

    @Override
    protected CompletionStage<?> write(Frame frame) {
        return connection.sendText(frame.text()).subscribeAsCompletionStage();
    }

    @Override
    protected void closeAsSlowConsumer() {
        connection.close(SLOW_CONSUMER).subscribe().with(ok -> { }, failure -> { });
    }
}
