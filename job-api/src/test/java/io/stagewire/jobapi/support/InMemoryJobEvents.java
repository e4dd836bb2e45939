package io.stagewire.jobapi.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * job-api's channels on SmallRye's in-memory connector: job.events in, the outbox and the dead letters out. Tests of
 * what job-api decides from events ({@link EventBus}) run without a broker; Postgres and the OIDC provider stay real.
 * The Kafka-wired tests of this module keep their application (another profile).
 */
public class InMemoryJobEvents implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(InMemoryConnector.switchIncomingChannelsToInMemory("job-events"));
        config.putAll(InMemoryConnector.switchOutgoingChannelsToInMemory("outbox", "dead-letters"));
        // The consumer works in Hibernate Reactive sessions: on a Vert.x context, as the Kafka connector calls it.
        config.put("mp.messaging.incoming.job-events.run-on-vertx-context", "true");
        return config;
    }

    @Override
    public void stop() {
        InMemoryConnector.clear();
    }

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(InMemoryJobEvents.class));
        }
    }
}
