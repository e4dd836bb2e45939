package io.stagewire.gateway.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Consumers (and an admin client) of job.events built from Quarkus's {@code kafka.*} configuration. No group id:
 * partitions are assigned, never subscribed, so every replica reads everything and nothing is
 * committed (the gateway keeps no state in Kafka).
 */
@ApplicationScoped
public class KafkaSettings {
    private static final String[] CLIENT_KEYS = {"bootstrap.servers", "security.protocol", "sasl.", "ssl.", "client.dns.lookup"};

    private final Map<String, Object> brokerConfig;

    KafkaSettings(@Identifier("default-kafka-broker") Map<String, Object> brokerConfig) {
        this.brokerConfig = brokerConfig;
    }

    public KafkaConsumer<String, byte[]> consumer(String clientId, int maxPollRecords) {
        Map<String, Object> config = connection();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** An admin client on the same brokers, with the same security settings. */
    public Admin admin(String clientId) {
        Map<String, Object> config = connection();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return Admin.create(config);
    }

    private Map<String, Object> connection() {
        Map<String, Object> config = new HashMap<>();
        brokerConfig.forEach((key, value) -> {
            for (String prefix : CLIENT_KEYS) {
                if (key.startsWith(prefix)) {
                    config.put(key, value);
                }
            }
        });
        return config;
    }
}
