package io.stagewire.jobapi.monitoring;

import java.time.Instant;

/**
 * The last measurement of job-api's lag on job.events: {@code lag} events behind at {@code at},
 * or unknown ({@code lag} null) with the reason the measurement failed.
 */
public record LagReading(Long lag, Instant at, String error) {

    public static LagReading measured(long lag, Instant at) {
        return new LagReading(lag, at, null);
    }

    public static LagReading unknown(String error, Instant at) {
        return new LagReading(null, at, error);
    }

    public boolean known() {
        return lag != null;
    }

    /** Degraded, not down: far behind but still serving (the gauge is what to alert on). */
    public boolean degraded(long threshold) {
        return known() && lag > threshold;
    }

    /** For the gauge: NaN while unknown, so a scrape never shows a made-up 0. */
    public double asGaugeValue() {
        return known() ? lag : Double.NaN;
    }
}
