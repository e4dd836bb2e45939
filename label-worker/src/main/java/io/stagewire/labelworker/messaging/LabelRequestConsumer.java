package io.stagewire.labelworker.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.stagewire.labelworker.pipeline.LabelRequestProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads label.requests (consumer group label-worker). Matching and rendering block for tens of
 * milliseconds, so they run on the named worker pool {@value #POOL}, whose size
 * (smallrye.messaging.worker.label-rendering.max-concurrency) bounds how many labels render at
 * once. Requests are independent, so they need not finish in order. A record that throws (one
 * that does not decode, or whose storage kept failing) goes to label.requests.dlq with the reason
 * in dead-letter-reason, and the worker goes on.
 */
@ApplicationScoped
public class LabelRequestConsumer {
    static final String POOL = "label-rendering";

    private final LabelRequestProcessor processor;

    LabelRequestConsumer(LabelRequestProcessor processor) {
        this.processor = processor;
    }

    @Incoming("label-requests")
    @Blocking(value = POOL, ordered = false)
    public void consume(ConsumerRecord<String, byte[]> record) {
        processor.process(LabelRequests.decode(record.value()));
    }
}
