package io.stagewire.worker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.stagewire.events.Decoded;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Drives a worker's handler through its in-memory channels and reads what it sent. */
public final class HandlerProbe {

    private HandlerProbe() {
    }

    /**
     * Sends a record as the Kafka connector would hand it over; the future completes with null when the handler
     * acknowledged it and with the reason when it refused it (what the dead letter would carry).
     */
    public static CompletableFuture<Throwable> send(InMemorySource<Message<ConsumerRecord<String, byte[]>>> source,
                                                    String topic, byte[] value) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        source.send(Message.of(new ConsumerRecord<>(topic, 0, 0, "key", value), () -> {
            outcome.complete(null);
            return CompletableFuture.completedFuture(null);
        }, reason -> {
            outcome.complete(reason);
            return CompletableFuture.completedFuture(null);
        }));
        return outcome;
    }

    /** The refusal's message and those of its causes (the engine may wrap what the handler threw). */
    public static List<String> refusal(CompletableFuture<Throwable> outcome, Duration wait) {
        Throwable reason = outcome.orTimeout(wait.toSeconds(), TimeUnit.SECONDS).join();
        assertThat(reason).as("the record was refused").isNotNull();
        List<String> messages = new ArrayList<>();
        for (Throwable t = reason; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }

    /** A stage event as the handler sent it on job-events, decoded and checked against the contract. */
    public static StageEvent event(Message<byte[]> message) {
        OutgoingKafkaRecordMetadata<?> kafka = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        Decoded decoded = StageEventCodec.decode((String) kafka.getKey(), kafka.getHeaders(), message.getPayload(), 0L);
        assertThat(decoded).isInstanceOf(Decoded.Valid.class);
        return ((Decoded.Valid) decoded).event();
    }
}
