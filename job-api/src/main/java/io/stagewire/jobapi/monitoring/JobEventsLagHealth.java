package io.stagewire.jobapi.monitoring;

import io.stagewire.jobapi.config.StagewireConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports job-api's lag on job.events in readiness. Always UP: a lagging job-api still answers
 * every read and write, and taking it out of the Service would only add to the backlog.
 * Above {@code stagewire.events.lag-degraded-above} it says {@code degraded: true}; SmallRye
 * Health has no third state, so alerting goes by the gauge (docs/operations.md).
 */
@Readiness
@ApplicationScoped
public class JobEventsLagHealth implements HealthCheck {
    public static final String NAME = "job.events lag";

    private final JobEventsLag lag;
    private final StagewireConfig config;

    JobEventsLagHealth(JobEventsLag lag, StagewireConfig config) {
        this.lag = lag;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return response(lag.last(), config.events().lagDegradedAbove());
    }

    static HealthCheckResponse response(LagReading reading, long threshold) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).up()
                .withData("threshold", threshold)
                .withData("degraded", reading.degraded(threshold))
                .withData("measuredAt", reading.at().toString());
        if (reading.known()) {
            builder.withData("lag", reading.lag());
        } else {
            builder.withData("lag", "unknown").withData("error", reading.error());
        }
        return builder.build();
    }
}
