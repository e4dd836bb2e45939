package io.stagewire.worker.messaging;

import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * The dead-letter-queue failure strategy, except for a record nacked because the worker is stopping (the engine pool
 * rejected it, or the wait for it was cancelled): that one is neither dead-lettered nor acknowledged, so its offset
 * stays uncommitted and another instance of the group reads it again once the partition moves there.
 * Configured as {@code failure-strategy=}{@value #NAME}.
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStopping.NAME)
@Unremovable
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {
    public static final String NAME = "dead-letter-queue-unless-stopping";
    private static final Logger LOG = Logger.getLogger(DeadLetterUnlessStopping.class);
    /**
     * Set as soon as the JVM starts shutting down (SIGTERM). A record that fails from then on is not judged here: the
     * failure may be the shutdown's (a library's own shutdown hook closing a stream in use, a pool closing), so it is
     * left uncommitted too, and the instance that takes the partition over dead-letters it if it really is bad.
     */
    private static volatile boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shuttingDown = true, "dead-letter-unless-stopping"));
    }

    private final KafkaFailureHandler.Factory deadLetterQueue;

    DeadLetterUnlessStopping(
            @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        return wrap(deadLetterQueue.create(config, vertx, consumer, reportFailure));
    }

    public static KafkaFailureHandler wrap(KafkaFailureHandler deadLetters) {
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (shuttingDown || stopping(reason)) {
                    LOG.infof("stopping: %s-%d offset %d is left uncommitted for another instance (%s)", record.getTopic(),
                            record.getPartition(), record.getOffset(), reason);
                    return Uni.createFrom().voidItem();
                }
                return deadLetters.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                deadLetters.terminate();
            }
        };
    }

    /** The cause chain, since the messaging layer may wrap what the method threw. */
    public static boolean stopping(Throwable reason) {
        for (Throwable cause = reason; cause != null; cause = cause.getCause()) {
            if (cause instanceof RejectedExecutionException || cause instanceof CancellationException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
