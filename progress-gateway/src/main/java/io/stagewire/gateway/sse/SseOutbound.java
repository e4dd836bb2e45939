package io.stagewire.gateway.sse;

import io.stagewire.gateway.fanout.Frame;
import io.stagewire.gateway.fanout.Outbound;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.CompletionStage;

/**
 * The outbound queue of one SSE stream. Each frame becomes one event: {@code event:} its type,
 * {@code id:} its position (so the browser's Last-Event-ID is a resume token), {@code data:} the
 * same JSON as on the WebSocket. A slow client's stream is ended; EventSource reconnects with
 * Last-Event-ID and resumes.
 */
final class SseOutbound extends Outbound {
    static final String HEARTBEAT = "heartbeat";

    private final SseEventSink sink;
    private final Sse sse;
    private final Runnable onEnd;

    SseOutbound(SseEventSink sink, Sse sse, Limits limits, Listener listener, Runnable onEnd) {
        super(limits, listener);
        this.sink = sink;
        this.sse = sse;
        this.onEnd = onEnd;
    }

    @Override
    protected CompletionStage<?> write(Frame frame) {
        OutboundSseEvent event;
        if (HEARTBEAT.equals(frame.type())) {
            event = sse.newEventBuilder().comment("ping").build();
        } else {
            OutboundSseEvent.Builder builder = sse.newEventBuilder().name(frame.type()).data(frame.text());
            if (frame.position() != null) {
                builder.id(frame.position());
            }
            event = builder.build();
        }
        CompletionStage<?> sent = sink.send(event);
        return sent.whenComplete((ok, failure) -> {
            if (failure != null) {
                onEnd.run();
            }
        });
    }

    @Override
    protected void closeAsSlowConsumer() {
        closeNormally();
    }

    @Override
    protected void closeNormally() {
        onEnd.run();
        sink.close();
    }
}
