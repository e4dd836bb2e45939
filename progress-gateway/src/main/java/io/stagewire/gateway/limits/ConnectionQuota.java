package io.stagewire.gateway.limits;

import io.stagewire.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open connections per user (token {@code sub}) and transport, bounded so that one account — a
 * leaked token, a runaway script — cannot hold the sockets, memory and fan-out work of thousands of
 * connections (issue 10). Counts live only on this replica; the limit is per replica.
 */
@ApplicationScoped
public class ConnectionQuota {

    public enum Transport {
        WEBSOCKET, SSE
    }

    private final int[] limits;
    private final ConcurrentHashMap<String, int[]> open = new ConcurrentHashMap<>();

    @Inject
    public ConnectionQuota(GatewayConfig config) {
        this.limits = new int[] {config.limits().maxWebsocketsPerUser(), config.limits().maxSseStreamsPerUser()};
    }

    public int limit(Transport transport) {
        return limits[transport.ordinal()];
    }

    /** Whether one more connection would pass the limit (a cheap early refusal; {@link #tryAcquire} decides). */
    public boolean isFull(String sub, Transport transport) {
        int[] counts = open.get(sub);
        return counts != null && counts[transport.ordinal()] >= limit(transport);
    }

    /** Counts a new connection; false (and nothing counted) when the user is at the limit. */
    public boolean tryAcquire(String sub, Transport transport) {
        boolean[] acquired = new boolean[1];
        open.compute(sub, (key, counts) -> {
            int[] c = counts == null ? new int[Transport.values().length] : counts;
            if (c[transport.ordinal()] < limit(transport)) {
                c[transport.ordinal()]++;
                acquired[0] = true;
            }
            return c;
        });
        if (!acquired[0]) {
            release(sub, transport, 0);
        }
        return acquired[0];
    }

    public void release(String sub, Transport transport) {
        release(sub, transport, 1);
    }

    private void release(String sub, Transport transport, int by) {
        open.computeIfPresent(sub, (key, counts) -> {
            counts[transport.ordinal()] -= by;
            for (int count : counts) {
                if (count > 0) {
                    return counts;
                }
            }
            return null;
        });
    }
}
