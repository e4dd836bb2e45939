package io.stagewire.gateway.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.stagewire.events.DeadLetterHeaders;
import io.stagewire.gateway.config.GatewayConfig;
import io.stagewire.gateway.metrics.GatewayMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends records of job.events that are not stage events, or not events of the job they name
 * (another owner or producer, see JobOwners), to the dead-letter topic, with the
 * reason and the source coordinates in the headers SmallRye's dead-letter strategy writes.
 * The record key is {@code topic-partition-offset}: every replica (and job-api) reads the same
 * record, so keying by where it came from makes copies from several writers recognisable and
 * lets a compacted DLQ keep one; only replicas configured as writers send at all.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final GatewayConfig config;
    private final GatewayMetrics metrics;

    DeadLetters(GatewayConfig config, GatewayMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    @Inject
    @Channel("dead-letters")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<byte[]> emitter;

    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        metrics.invalidRecord();
        LOG.warnf("record %s-%d@%d dead-lettered: %s", record.topic(), record.partition(), record.offset(), reason);
        if (!config.deadLetterWriter()) {
            return;
        }
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetterHeaders.REASON, utf8(reason));
        headers.add(DeadLetterHeaders.TOPIC, utf8(record.topic()));
        headers.add(DeadLetterHeaders.PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(DeadLetterHeaders.OFFSET, utf8(Long.toString(record.offset())));
        String key = record.topic() + "-" + record.partition() + "-" + record.offset();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key)
                .withHeaders(headers)
                .build();
        emitter.send(Message.of(record.value() == null ? new byte[0] : record.value()).addMetadata(metadata));
        metrics.deadLetterSent();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
