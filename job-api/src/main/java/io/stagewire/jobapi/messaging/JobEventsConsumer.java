package io.stagewire.jobapi.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.Decoded;
import io.stagewire.events.EventPosition;
import io.stagewire.events.StageEventCodec;
import io.stagewire.jobapi.service.JobEventProcessor;
import io.stagewire.jobapi.service.Outbox;
import io.stagewire.jobapi.service.PositionedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads job.events (consumer group job-api) a poll at a time (docs/lifecycle.md): the valid
 * events of a poll are applied in one transaction, in order; records that are not valid stage
 * events, and events that may not write to their job, go to job.events.dlq with the reason. The
 * offsets are committed once all of that is done, so a crash redelivers the batch, which then
 * changes nothing it had changed already.
 */
@ApplicationScoped
public class JobEventsConsumer {
    private static final Logger LOG = Logger.getLogger(JobEventsConsumer.class);

    private final JobEventProcessor processor;
    private final OutboxRelay relay;
    private final DeadLetters deadLetters;
    private final Outbox outbox;

    JobEventsConsumer(JobEventProcessor processor, OutboxRelay relay, DeadLetters deadLetters, Outbox outbox) {
        this.processor = processor;
        this.outbox = outbox;
        this.relay = relay;
        this.deadLetters = deadLetters;
    }

    @Incoming("job-events")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        long started = System.nanoTime();
        List<PositionedEvent> valid = new ArrayList<>(records.count());
        Map<PositionedEvent, ConsumerRecord<String, byte[]>> origin = new IdentityHashMap<>();
        List<DeadLetters.DeadLetter> dead = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            switch (StageEventCodec.decode(record)) {
                case Decoded.Valid v -> {
                    PositionedEvent event = new PositionedEvent(v.event(), new EventPosition(record.partition(), record.offset()));
                    valid.add(event);
                    origin.put(event, record);
                }
                case Decoded.Invalid invalid -> dead.add(new DeadLetters.DeadLetter(record, invalid.reason()));
            }
        }
        long outboxBefore = outbox.added();
        long decoded = System.nanoTime();
        return processor.process(valid)
                .onFailure().recoverWithUni(e -> oneByOne(valid, e))
                .map(rejected -> {
                    rejected.forEach(r -> dead.add(new DeadLetters.DeadLetter(origin.get(r.event()), r.reason())));
                    return dead;
                })
                .chain(deadLetters::send)
                // What processing announced (job:updated, job:progress, job:completed) leaves at once; a
                // batch that announced nothing (external jobs) costs no relay transaction.
                .call(() -> outbox.added() != outboxBefore ? relay.deliverSoon() : Uni.createFrom().voidItem())
                .invoke(() -> {
                    if (LOG.isDebugEnabled()) {
                        LOG.debugf("batch of %d records: decoded in %d ms, applied and relayed in %d ms", records.count(),
                                (decoded - started) / 1_000_000, (System.nanoTime() - decoded) / 1_000_000);
                    }
                });
    }

    /**
     * A batch the database refuses is applied event by event, so one event it refuses dead-letters
     * only itself, with the database's reason. (An outage never gets here: the processor waits it out.)
     */
    private Uni<List<PositionedEvent.Rejected>> oneByOne(List<PositionedEvent> batch, Throwable failure) {
        LOG.warnf("a batch of %d events failed (%s); applying them one by one", batch.size(), failure.toString());
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(event -> processor.process(List.of(event))
                        .onFailure().recoverWithItem(e -> List.of(new PositionedEvent.Rejected(event, "not applied: " + e.getMessage()))))
                .onItem().transformToIterable(list -> list)
                .collect().asList();
    }
}
