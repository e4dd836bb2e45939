package io.stagewire.worker.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker's channels on SmallRye's in-memory connector instead of Kafka, for tests of its handler alone (each
 * worker's {@code *RequestHandlerTest}); everything else the worker uses stays real.
 */
public abstract class InMemoryChannels implements QuarkusTestResourceLifecycleManager {
    private final String incoming;
    private final List<String> outgoing;

    protected InMemoryChannels(String incoming, String... outgoing) {
        this.incoming = incoming;
        this.outgoing = List.of(outgoing);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(InMemoryConnector.switchIncomingChannelsToInMemory(incoming));
        config.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory(outgoing.toArray(String[]::new)));
        return config;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }
}
