package io.stagewire.gateway.sse;

import io.stagewire.gateway.fanout.Outbound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The SSE streams open on this replica, so that SIGTERM can end them after what was queued (issue 13). */
@ApplicationScoped
public class OpenSseStreams {
    private final Set<Outbound> open = ConcurrentHashMap.newKeySet();

    void add(Outbound outbound) {
        open.add(outbound);
    }

    void remove(Outbound outbound) {
        open.remove(outbound);
    }

    /** Ends every stream once what is queued is written; the client reconnects with Last-Event-ID. Returns how many. */
    public int endAllWhenDrained() {
        int ending = 0;
        for (Outbound outbound : open) {
            outbound.closeWhenDrained();
            ending++;
        }
        return ending;
    }
}
