package io.stagewire.jobapi.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.stagewire.events.DeadLetterHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends records of job.events that job-api does not apply to job.events.dlq, one by one, with
 * the reason and origin in the headers SmallRye's dead-letter-queue strategy writes (batches are
 * consumed whole, so the strategy cannot pick single records).
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    /** A record and why it is not applied. */
    public record DeadLetter(ConsumerRecord<String, byte[]> record, String reason) {
    }

    private final MutinyEmitter<byte[]> emitter;

    DeadLetters(@Channel("dead-letters") MutinyEmitter<byte[]> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker acknowledged every one. */
    public Uni<Void> send(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(letters.stream().map(this::send).toList()).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(DeadLetter letter) {
        ConsumerRecord<String, byte[]> record = letter.record();
        LOG.infof("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), letter.reason());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(DeadLetterHeaders.REASON);
        headers.add(DeadLetterHeaders.REASON, utf8(letter.reason()));
        headers.add(DeadLetterHeaders.TOPIC, utf8(record.topic()));
        headers.add(DeadLetterHeaders.PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(DeadLetterHeaders.OFFSET, utf8(Long.toString(record.offset())));
        return emitter.sendMessage(Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
