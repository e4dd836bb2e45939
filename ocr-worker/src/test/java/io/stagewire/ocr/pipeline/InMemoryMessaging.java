package io.stagewire.ocr.pipeline;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.stagewire.worker.testing.InMemoryChannels;
import java.util.List;

/** This worker's channels in memory (worker-support's {@link InMemoryChannels}); a test profile of its own. */
public class InMemoryMessaging extends InMemoryChannels {

    public InMemoryMessaging() {
        super("ocr-requests", "job-events", "label-requests");
    }

    /** The Kafka-wired tests of this module keep their application. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(InMemoryMessaging.class));
        }
    }
}
