package io.stagewire.gateway.fanout;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Concurrent lookups of one key share one call (single flight): a storm of subscriptions to the
 * same user channel, or of one user's tabs to a job the gateway has not seen, asks job-api once,
 * not once per client. Nothing is kept after the call
 * answers, so no answer is older than the request that waited for it.
 */
public final class SharedLookups<T> {
    private final ConcurrentHashMap<String, CompletableFuture<T>> inFlight = new ConcurrentHashMap<>();

    /** The answer of the call in flight for {@code key}, or of a new one. */
    public Uni<T> get(String key, Supplier<Uni<T>> call) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> shared = inFlight.putIfAbsent(key, mine);
        if (shared != null) {
            return Uni.createFrom().completionStage(shared);
        }
        mine.whenComplete((value, failure) -> inFlight.remove(key, mine));
        try {
            call.get().subscribe().with(mine::complete, mine::completeExceptionally);
        } catch (RuntimeException e) {
            // A call that throws instead of failing its Uni must not leave the key waiting forever.
            mine.completeExceptionally(e);
        }
        return Uni.createFrom().completionStage(mine);
    }

    public int inFlight() {
        return inFlight.size();
    }
}
