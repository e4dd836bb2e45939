package io.stagewire.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stagewire.gateway.fanout.ChannelIndex;
import io.stagewire.gateway.fanout.FanOutMetrics;
import io.stagewire.gateway.fanout.Frame;
import io.stagewire.gateway.fanout.JobDirectory;
import io.stagewire.gateway.fanout.Outbound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The gateway's Prometheus metrics (names in docs/protocol.md, section Operations). */
@ApplicationScoped
public class GatewayMetrics implements Outbound.Listener, FanOutMetrics {
    // 30 ms: the p99 the gateway is held to at 15 000 msg/s (docs/benchmarks.md), read off this histogram by the bench.
    private static final Duration[] LATENCY_BUCKETS = java.util.stream.LongStream
            .of(1, 2, 5, 10, 20, 30, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000)
            .mapToObj(Duration::ofMillis).toArray(Duration[]::new);
    private final AtomicInteger webSocketConnections = new AtomicInteger();
    private final AtomicInteger sseConnections = new AtomicInteger();
    private final AtomicLong kafkaLag = new AtomicLong();
    private final Counter eventsIn;
    private final Counter invalidRecords;
    private final Counter deadLetters;
    private final Counter framesQueued;
    private final Counter framesWritten;
    private final Counter coalesced;
    private final Counter slowConsumerCloses;
    private final Timer deliveryLatency;
    private final DistributionSummary replayedEvents;
    private final Counter resumedFromMemory;
    private final Counter resumesRefused;
    private final Counter repeatsDropped;
    private final Counter snapshotsFromMemory;

    @Inject
    public GatewayMetrics(MeterRegistry registry, ChannelIndex index, JobDirectory directory) {
        registry.gauge("stagewire.gateway.connections", java.util.List.of(io.micrometer.core.instrument.Tag.of("transport", "websocket")),
                webSocketConnections);
        registry.gauge("stagewire.gateway.connections", java.util.List.of(io.micrometer.core.instrument.Tag.of("transport", "sse")),
                sseConnections);
        registry.gauge("stagewire.gateway.subscriptions", index, ChannelIndex::size);
        registry.gauge("stagewire.gateway.kafka.lag", kafkaLag);
        eventsIn = Counter.builder("stagewire.gateway.events.in").description("Valid stage events consumed").register(registry);
        invalidRecords = Counter.builder("stagewire.gateway.records.invalid").description("Records on job.events that are not stage events").register(registry);
        deadLetters = Counter.builder("stagewire.gateway.dlq.records").description("Records this replica sent to the dead-letter topic").register(registry);
        framesQueued = Counter.builder("stagewire.gateway.events.out").description("Event frames handed to subscriptions").register(registry);
        framesWritten = Counter.builder("stagewire.gateway.frames.written").description("Frames written to client sockets").register(registry);
        coalesced = Counter.builder("stagewire.gateway.progress.coalesced").description("Queued job:progress frames replaced by a newer one").register(registry);
        slowConsumerCloses = Counter.builder("stagewire.gateway.slow.consumer.closes").description("Connections closed for not keeping up (4008)").register(registry);
        deliveryLatency = Timer.builder("stagewire.gateway.delivery.latency")
                .description("From the event's time to its frame written to the socket")
                // Fixed buckets rather than Micrometer's ~70 percentile buckets: this is recorded for
                // every frame written, and the search over the buckets showed in the profile.
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
        resumedFromMemory = Counter.builder("stagewire.gateway.resumes.from.memory")
                .description("Resumes served from a job's in-memory window, without reading Kafka").register(registry);
        resumesRefused = Counter.builder("stagewire.gateway.resumes.refused")
                .description("Resume tokens from another log (another epoch, or past the log's end): answered with a snapshot")
                .register(registry);
        repeatsDropped = Counter.builder("stagewire.gateway.repeats.dropped")
                .description("records repeating an event (source and id) the job already had, e.g. a worker's redone work; not sent again")
                .register(registry);
        snapshotsFromMemory = Counter.builder("stagewire.gateway.snapshots.from.memory")
                .description("Snapshots served from the gateway's own state, without job-api or a log read").register(registry);
        registry.gauge("stagewire.gateway.window.bytes", directory, JobDirectory::windowBytes);
        replayedEvents = DistributionSummary.builder("stagewire.gateway.replay.events")
                .description("Events replayed from history per resumed subscription").register(registry);
    }

    public AtomicInteger webSocketConnections() {
        return webSocketConnections;
    }

    public AtomicInteger sseConnections() {
        return sseConnections;
    }

    public void kafkaLag(long lag) {
        kafkaLag.set(lag);
    }

    @Override
    public void dispatched(int frames) {
        eventsIn.increment();
        if (frames > 0) {
            framesQueued.increment(frames);
        }
    }

    public void invalidRecord() {
        invalidRecords.increment();
    }

    public void deadLetterSent() {
        deadLetters.increment();
    }

    @Override
    public void resumedFromMemory() {
        resumedFromMemory.increment();
    }

    @Override
    public void resumeRefused() {
        resumesRefused.increment();
    }

    @Override
    public void repeatDropped() {
        repeatsDropped.increment();
    }

    @Override
    public void snapshotFromMemory() {
        snapshotsFromMemory.increment();
    }

    @Override
    public void replayed(int events) {
        replayedEvents.record(events);
    }

    @Override
    public void written(Frame frame) {
        framesWritten.increment();
        if (frame.eventTimeMillis() > 0) {
            long latency = System.currentTimeMillis() - frame.eventTimeMillis();
            deliveryLatency.record(Math.max(0, latency), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void coalesced() {
        coalesced.increment();
    }

    @Override
    public void slowConsumerClosed() {
        slowConsumerCloses.increment();
    }
}
