package io.stagewire.gateway.fanout;

/** What the fan-out and subscription set-up report (metrics.GatewayMetrics). */
public interface FanOutMetrics {
    void dispatched(int frames);

    void replayed(int events);

    void resumedFromMemory();

    void resumeRefused();

    /** A record repeating an event the job already had (a producer's redelivery): not sent again. */
    void repeatDropped();

    /** A snapshot served from the gateway's own state, without job-api or the log. */
    void snapshotFromMemory();
}
