package io.stagewire.gateway.fanout;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Concurrent lookups of one key share one call (single flight): a storm of subscriptions to the
 * same user channel asks job-api once, not once per client. Nothing is kept after the call
 * answers, so no answer is older than the request that waited for it.
 */
final class SharedLookups<T> {
    private final ConcurrentHashMap<String, CompletableFuture<T>> inFlight = new ConcurrentHashMap<>();

    Uni<T> get(String key, Supplier<Uni<T>> call) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> shared = inFlight.putIfAbsent(key, mine);
        if (shared != null) {
            return Uni.createFrom().completionStage(shared);
        }
        call.get().subscribe().with(mine::complete, mine::completeExceptionally);
        mine.whenComplete((value, failure) -> inFlight.remove(key, mine));
        return Uni.createFrom().completionStage(mine);
    }

    int inFlight() {
        return inFlight.size();
    }
}
