package io.stagewire.gateway.messaging;

import io.stagewire.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * The epoch of job.events: derived from the id Kafka gives a topic when it is created, so it
 * changes when the topic is deleted and recreated (offsets start again at 0) and differs between
 * clusters, and stays the same across restarts and replicas of the gateway.
 */
@ApplicationScoped
public class LogEpoch {
    private static final long TIMEOUT_SECONDS = 10;

    private final GatewayConfig config;
    private final KafkaSettings kafka;

    LogEpoch(GatewayConfig config, KafkaSettings kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    /** Reads the topic's id (one admin call); blocks. */
    public String current() {
        try (Admin admin = kafka.admin("progress-gateway-epoch")) {
            Uuid id = admin.describeTopics(List.of(config.topic())).topicNameValues().get(config.topic())
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).topicId();
            return of(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the id of " + config.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the id of " + config.topic() + ": " + e.getMessage(), e);
        }
    }

    /** Eight hex digits of the topic id: short in every token, and 2^32 ids make a mix-up vanishingly unlikely. */
    public static String of(Uuid topicId) {
        return String.format("%08x", topicId.getMostSignificantBits() >>> 32);
    }
}
