package io.stagewire.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedLookupsTest {
    private final SharedLookups<String> lookups = new SharedLookups<>();
    private final AtomicInteger calls = new AtomicInteger();

    private Uni<String> call(CompletableFuture<String> answer) {
        calls.incrementAndGet();
        return Uni.createFrom().completionStage(answer);
    }

    @Test
    void concurrentLookupsOfOneKeyShareOneCall() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Uni<String> first = lookups.get("bob", () -> call(answer));
        Uni<String> second = lookups.get("bob", () -> call(answer));
        Uni<String> other = lookups.get("carol", () -> call(CompletableFuture.completedFuture("carol's")));
        answer.complete("bob's");

        assertThat(first.await().atMost(Duration.ofSeconds(1))).isEqualTo("bob's");
        assertThat(second.await().atMost(Duration.ofSeconds(1))).isEqualTo("bob's");
        assertThat(other.await().atMost(Duration.ofSeconds(1))).isEqualTo("carol's");
        assertThat(calls).as("one call for bob, one for carol").hasValue(2);
    }

    @Test
    void nothingIsKeptOnceTheCallHasAnswered() {
        lookups.get("bob", () -> call(CompletableFuture.completedFuture("old"))).await().atMost(Duration.ofSeconds(1));
        assertThat(lookups.inFlight()).isZero();

        assertThat(lookups.get("bob", () -> call(CompletableFuture.completedFuture("new"))).await().atMost(Duration.ofSeconds(1)))
                .isEqualTo("new");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aFailureReachesEveryWaiterAndIsNotKept() {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Uni<String> first = lookups.get("bob", () -> call(answer));
        Uni<String> second = lookups.get("bob", () -> call(answer));
        answer.completeExceptionally(new IllegalStateException("job-api down"));

        assertThatThrownBy(() -> first.await().atMost(Duration.ofSeconds(1))).hasMessageContaining("job-api down");
        assertThatThrownBy(() -> second.await().atMost(Duration.ofSeconds(1))).hasMessageContaining("job-api down");
        assertThat(lookups.inFlight()).isZero();
    }

    @Test
    void aCallThatThrowsDoesNotBlockTheKey() {
        assertThatThrownBy(() -> lookups.get("bob", () -> {
            throw new IllegalStateException("no client");
        }).await().atMost(Duration.ofSeconds(1))).hasMessageContaining("no client");
        assertThat(lookups.inFlight()).isZero();
    }
}
