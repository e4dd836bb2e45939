package io.stagewire.gateway.health;

import io.stagewire.gateway.messaging.JobEventsConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the live consumer is assigned every partition of job.events and polling: before that no subscription can be served. */
@Readiness
@ApplicationScoped
public class LiveStreamReadiness implements HealthCheck {
    private final JobEventsConsumer consumer;

    LiveStreamReadiness(JobEventsConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("job-events-live-stream").status(consumer.isLive()).build();
    }
}
