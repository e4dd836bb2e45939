package io.stagewire.jobapi.messaging;

import io.smallrye.mutiny.Uni;
import io.stagewire.events.Decoded;
import io.stagewire.events.EventPosition;
import io.stagewire.events.StageEventCodec;
import io.stagewire.jobapi.service.JobEventProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads job.events (consumer group job-api), one record at a time so a job's events are applied
 * in order. A record that is not a valid stage event fails with its reason, and the channel's
 * dead-letter-queue strategy moves it to job.events.dlq with that reason in dead-letter-reason.
 */
@ApplicationScoped
public class JobEventsConsumer {
    private final JobEventProcessor processor;
    private final OutboxRelay relay;

    JobEventsConsumer(JobEventProcessor processor, OutboxRelay relay) {
        this.processor = processor;
        this.relay = relay;
    }

    @Incoming("job-events")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return switch (StageEventCodec.decode(record)) {
            // What processing announced (job:updated, job:progress, job:completed) leaves at once.
            case Decoded.Valid valid -> processor.process(valid.event(), new EventPosition(record.partition(), record.offset()))
                    .call(relay::relaySoon);
            case Decoded.Invalid invalid -> Uni.createFrom().failure(invalid.toException());
        };
    }
}
