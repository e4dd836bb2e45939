package io.stagewire.jobapi.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Multi;
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
import java.util.stream.Collectors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
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
    private static final long LOCK_KEY = 0x5354_4F42L;

    private final MutinyEmitter<byte[]> emitter;
    private final StagewireConfig config;
    private final Scheduler scheduler;

    OutboxRelay(@Channel("outbox") MutinyEmitter<byte[]> emitter, StagewireConfig config, Scheduler scheduler) {
        this.emitter = emitter;
        this.config = config;
        this.scheduler = scheduler;
    }

    // delayed: the Kafka channel connects during start-up
    @Scheduled(identity = IDENTITY, every = "${stagewire.outbox.relay-every}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return relay().replaceWithVoid();
    }

    /** Sends pending records; the number sent. */
    public Uni<Integer> relay() {
        return Panache.withTransaction(() -> advisoryLock().chain(locked -> locked
                ? OutboxMessage.<OutboxMessage>find("sentAt is null order by id").page(0, config.outbox().batchSize()).list()
                        .chain(this::sendInOrder)
                : Uni.createFrom().item(0)));
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
        return relay().onFailure().invoke(e -> LOG.debugf("immediate relay deferred: %s", e.getMessage()))
                .onFailure().recoverWithItem(0).replaceWithVoid();
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
        // One at a time: a record is sent only after the one before it was acknowledged. A failure
        // stops the batch; what was acknowledged so far is still marked, the rest waits for the next run.
        return Multi.createFrom().iterable(pending)
                .onItem().transformToUniAndConcatenate(message -> emitter.sendMessage(toKafka(message))
                        .emitOn(task -> context.runOnContext(ignored -> task.run()))
                        .invoke(() -> message.sentAt = OffsetDateTime.now()))
                .onFailure().invoke(e -> LOG.warnf("outbox relay stopped: %s", e.getMessage()))
                .onFailure().recoverWithCompletion()
                .collect().with(Collectors.counting())
                .map(Long::intValue);
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
