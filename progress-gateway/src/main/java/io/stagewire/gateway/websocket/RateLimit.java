package io.stagewire.gateway.websocket;

/** A token bucket per connection: {@code burst} operations at once, {@code perSecond} sustained. Not thread-safe (one connection, one event loop). */
final class RateLimit {
    private final int perSecond;
    private final int burst;
    private double tokens;
    private long lastNanos;

    RateLimit(int perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = System.nanoTime();
    }

    boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
