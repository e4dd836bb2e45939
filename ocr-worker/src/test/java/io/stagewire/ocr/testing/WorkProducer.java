package io.stagewire.ocr.testing;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.stagewire.events.work.WorkMessage;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.testing.StackUnderTest;

/** Sends work messages (or anything else) the way job-api does, waiting for the broker's acknowledgement. */
public final class WorkProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap()),
            new StringSerializer(), new ByteArraySerializer());

    public void send(WorkMessage message) {
        send(WorkMessages.toRecord(message));
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
