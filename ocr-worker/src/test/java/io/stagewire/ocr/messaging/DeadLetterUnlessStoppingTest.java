package io.stagewire.ocr.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.stagewire.worker.messaging.DeadLetterUnlessStopping;

/** The nack path of a real IncomingKafkaRecord through the failure strategy, with recording DLQ and commit handlers. */
class DeadLetterUnlessStoppingTest {
    private final List<Throwable> deadLettered = new ArrayList<>();
    private final List<Long> committed = new ArrayList<>();

    private final KafkaFailureHandler deadLetters = new KafkaFailureHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            // As KafkaDeadLetterQueue does: send, then acknowledge (commit) the record.
            deadLettered.add(reason);
            return Uni.createFrom().completionStage(record.ack());
        }
    };
    private final KafkaCommitHandler commits = new KafkaCommitHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
            committed.add(record.getOffset());
            return Uni.createFrom().voidItem();
        }
    };

    @Test
    void aRecordTheStoppingEnginePoolRejectedIsNeitherDeadLetteredNorCommitted() {
        nack(7, new RejectedExecutionException("Task rejected from a terminated pool"));
        nack(8, new CancellationException("interrupted while waiting for image memory (the worker is stopping)"));
        nack(9, new CompletionException(new RejectedExecutionException("wrapped by the messaging layer")));

        assertThat(deadLettered).isEmpty();
        assertThat(committed).isEmpty();
    }

    @Test
    void anyOtherFailureIsDeadLetteredAndCommitted() {
        IllegalArgumentException notARequest = new IllegalArgumentException("not a OcrRequest");

        nack(11, notARequest);

        assertThat(deadLettered).containsExactly(notARequest);
        assertThat(committed).containsExactly(11L);
    }

    private void nack(long offset, Throwable reason) {
        ConsumerRecord<String, byte[]> kafkaRecord = new ConsumerRecord<>("ocr.requests", 0, offset, "screenshot", new byte[0]);
        IncomingKafkaRecord<String, byte[]> record = new IncomingKafkaRecord<>(kafkaRecord, "ocr-requests", -1, commits,
                DeadLetterUnlessStopping.wrap(deadLetters), false, false);
        record.nack(reason).toCompletableFuture().join();
    }
}
