package io.stagewire.jobapi.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.stagewire.events.StageEventJson;
import io.stagewire.jobapi.config.StagewireConfig;
import io.stagewire.jobapi.persistence.OutboxMessage;
import io.stagewire.jobapi.service.OutboxDelivery;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends what the outbox holds, oldest first, and marks each record sent once the broker has
 * acknowledged it. One relay at a time across replicas (a transaction-scoped advisory lock), so
 * records leave in the order they were written. A crash after the send and before the mark sends
 * that record again on the next run: delivery is at least once, and every record carries an id
 * (CloudEvents id, work requestId) for its readers to recognise a repeat.
 */
@ApplicationScoped
public class OutboxRelay implements OutboxDelivery {
    public static final String IDENTITY = "outbox-relay";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    // Any constant both replicas agree on; it names this lock in pg_locks.
    static final long LOCK_KEY = 0x5354_4F42L;

    /** How soon an immediate delivery tries again when another run held the relay lock. */
    private static final long BUSY_RETRY_MILLIS = 20;

    private final MutinyEmitter<byte[]> emitter;
    private final StagewireConfig config;
    private final Scheduler scheduler;
    private final Vertx vertx;
    // At most one retry of an immediate delivery waits at a time, however many found the lock taken.
    private final AtomicBoolean retryPending = new AtomicBoolean();

    // A relay hands a whole batch (stagewire.outbox.batch-size, 200) to the emitter at once: room for several.
    OutboxRelay(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<byte[]> emitter, StagewireConfig config, Scheduler scheduler, Vertx vertx) {
        this.emitter = emitter;
        this.config = config;
        this.scheduler = scheduler;
        this.vertx = vertx;
    }

    // delayed: the Kafka channel connects during start-up
    @Scheduled(identity = IDENTITY, every = "${stagewire.outbox.relay-every}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return relay().replaceWithVoid();
    }

    /** Sends pending records; the number sent. */
    public Uni<Integer> relay() {
        return relayIfFree().map(sent -> sent == null ? 0 : sent);
    }

    /** Sends pending records unless another run (this replica's or another's) holds the relay lock: null then. */
    private Uni<Integer> relayIfFree() {
        return Panache.withTransaction(() -> advisoryLock().chain(locked -> locked
                ? OutboxMessage.<OutboxMessage>find("sentAt is null order by id").page(0, config.outbox().batchSize()).list()
                        .chain(this::sendInOrder)
                : Uni.createFrom().nullItem()));
    }

    /**
     * Sends now what a transaction that just committed put into the outbox, so its events and work
     * do not wait for the next scheduled run. Never fails: whatever it cannot send now, the
     * scheduled run sends (also when another replica holds the relay lock at this moment).
     */
    @Override
    public Uni<Void> deliverSoon() {
        // Pausing the relay (an operator holding back sends) pauses this path too.
        if (scheduler.isPaused(IDENTITY)) {
            return Uni.createFrom().voidItem();
        }
        // A run that holds the lock (this replica's or another's) may have read the outbox before this commit: its
        // records would wait for the next scheduled run (stagewire.outbox.relay-every, 1 s). It is tried again
        // shortly instead, until a run gets the lock.
        return relayIfFree().invoke(sent -> {
                    if (sent == null) {
                        retrySoon();
                    }
                })
                .onFailure().invoke(e -> LOG.debugf("immediate relay deferred: %s", e.getMessage()))
                .onFailure().recoverWithItem(0).replaceWithVoid();
    }

    private void retrySoon() {
        if (!retryPending.compareAndSet(false, true)) {
            return;
        }
        vertx.setTimer(BUSY_RETRY_MILLIS, timer -> {
            // Panache sessions live on a duplicated context of their own, flagged safe, as a request's or a consumed record's.
            Context retry = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(retry, true);
            retry.runOnContext(ignored -> {
                retryPending.set(false);
                deliverInBackground();
            });
        });
    }

    /** Removes records sent longer ago than keep-sent. */
    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> purgeSent() {
        OffsetDateTime before = OffsetDateTime.now().minus(config.outbox().keepSent());
        return Panache.withTransaction(() -> OutboxMessage.delete("sentAt < ?1", before)).replaceWithVoid();
    }

    private Uni<Boolean> advisoryLock() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(:key)", Boolean.class)
                .setParameter("key", LOCK_KEY).getSingleResult());
    }

    private Uni<Integer> sendInOrder(List<OutboxMessage> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Context context = Vertx.currentContext();
        // The whole batch is handed to the producer at once, in order, and acknowledged in pipelined requests: one
        // acknowledgement at a time capped the relay at one record per round trip, and a storm of job creations queued
        // thousands of records behind it (docs/reliability.md). The idempotent producer keeps a partition's records in
        // their order, so a job's records reach the log in the order they were written. Only the prefix up to the first
        // failure is marked sent: whatever follows it is sent again by the next run, so a failure repeats records
        // (their ids let readers recognise them), never loses or reorders one.
        List<Uni<Boolean>> acknowledged = pending.stream()
                .map(message -> emitter.sendMessage(toKafka(message)).replaceWith(true)
                        .onFailure().invoke(e -> LOG.warnf("outbox relay stopped at record %d: %s", message.id, e.getMessage()))
                        .onFailure().recoverWithItem(false))
                .toList();
        return Uni.join().all(acknowledged).andFailFast()
                .emitOn(task -> context.runOnContext(ignored -> task.run()))
                .map(results -> {
                    OffsetDateTime now = OffsetDateTime.now();
                    int marked = 0;
                    while (marked < results.size() && results.get(marked)) {
                        pending.get(marked).sentAt = now;
                        marked++;
                    }
                    return marked;
                });
    }

    private static Message<byte[]> toKafka(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        try {
            JsonNode stored = StageEventJson.mapper().readTree(message.headers);
            for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> header = it.next();
                headers.add(header.getKey(), header.getValue().asText().getBytes(StandardCharsets.UTF_8));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox record " + message.id + " has unreadable headers", e);
        }
        return Message.of(message.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic).withKey(message.recordKey).withHeaders(headers).build());
    }
}
