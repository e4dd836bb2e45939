package io.stagewire.jobapi.service;

import io.stagewire.jobapi.config.StagewireConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Decides whether a progress value is worth a job:progress event: per job, at most one per
 * min-interval, unless progress moved by min-step points or more since the last one sent. What
 * is held back is sent by the trailing flush (ScheduledAnnouncements) once the interval passed.
 */
@ApplicationScoped
public class ProgressThrottle {
    private final Duration minInterval;
    private final BigDecimal minStep;

    @Inject
    ProgressThrottle(StagewireConfig config) {
        this(config.progress().minInterval(), config.progress().minStep());
    }

    ProgressThrottle(Duration minInterval, double minStep) {
        this.minInterval = minInterval;
        this.minStep = BigDecimal.valueOf(minStep);
    }

    public boolean shouldEmit(BigDecimal lastSent, OffsetDateTime lastSentAt, BigDecimal now, OffsetDateTime at) {
        if (lastSent == null) {
            return now.signum() > 0;
        }
        if (now.compareTo(lastSent) == 0) {
            return false;
        }
        return now.subtract(lastSent).abs().compareTo(minStep) >= 0 || intervalPassed(lastSentAt, at);
    }

    public boolean intervalPassed(OffsetDateTime lastSentAt, OffsetDateTime at) {
        return lastSentAt == null || !Duration.between(lastSentAt, at).minus(minInterval).isNegative();
    }

    public Duration minInterval() {
        return minInterval;
    }
}
