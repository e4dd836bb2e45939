package io.stagewire.jobapi.service;

import io.smallrye.mutiny.Uni;

/**
 * Sends what the outbox holds soon after a transaction that filled it committed, so its events and work do not
 * wait for the next scheduled run. The messaging layer implements it; the service asks for it after each commit.
 */
public interface OutboxDelivery {

    /** Never fails: whatever cannot be sent now, the scheduled run sends. */
    Uni<Void> deliverSoon();

    /**
     * Starts {@link #deliverSoon} and returns at once: a REST answer must not wait for the broker's acknowledgements of
     * the whole outbox (a storm of creations waited seconds for them, docs/reliability.md); the records are committed,
     * and the scheduled run sends whatever this one does not.
     */
    default void deliverInBackground() {
        deliverSoon().subscribe().with(ignored -> {
        }, failure -> {
        });
    }
}
