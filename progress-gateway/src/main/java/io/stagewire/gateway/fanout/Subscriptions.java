package io.stagewire.gateway.fanout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewire.events.Decoded;
import io.stagewire.events.EventPosition;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.StageEventJson;
import io.stagewire.gateway.auth.ChannelAccess;
import io.stagewire.gateway.auth.Viewer;
import io.stagewire.gateway.client.JobApi;
import io.stagewire.gateway.config.GatewayConfig;
import io.stagewire.gateway.messaging.JobPartitions;
import io.stagewire.gateway.messaging.PartitionHistory;
import io.stagewire.gateway.metrics.GatewayMetrics;
import io.stagewire.gateway.ownership.JobOwners;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Sets up subscriptions, on a small pool of worker threads (history reads and job-api calls
 * block): authorise, join the live stream at a seam, send {@code subscribed} (and a snapshot when
 * the client gave no position), replay history from the client's position up to the seam, then
 * release the live events held meanwhile. See docs/delivery.md for why this is gap-free and
 * duplicate-free.
 */
@ApplicationScoped
public class Subscriptions {
    private static final Logger LOG = Logger.getLogger(Subscriptions.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] NO_HEADER = new byte[0];

    @Inject
    GatewayConfig config;
    @Inject
    FanOut fanOut;
    @Inject
    ChannelAccess access;
    @Inject
    JobApi jobApi;
    @Inject
    JobDirectory directory;
    @Inject
    PartitionHistory history;
    @Inject
    GatewayMetrics metrics;
    @Inject
    JobOwners owners;

    private ExecutorService workers;

    /**
     * What to send before going live: where the Kafka replay starts per partition, and the first
     * frames; {@code beforeKafka}: events sent before that replay (from job-api's history for
     * offsets Kafka no longer holds, or from the job's in-memory window).
     */
    private record Plan(long[] from, String position, boolean recovered, Frame snapshot,
                        Map<String, Long> reflectedInSnapshot, List<Frame> beforeKafka) {
    }

    @PostConstruct
    void start() {
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.replay().workers(), runnable -> {
            Thread thread = new Thread(runnable, "subscription-setup-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** The bounds of a connection's outbound queue, from configuration. */
    public Outbound.Limits outboundLimits() {
        GatewayConfig.Outbound limits = config.outbound();
        return new Outbound.Limits(limits.maxQueuedFrames(), limits.maxQueuedBytes(), limits.maxInFlight());
    }

    /** A new subscription of {@code outbound} to {@code channel}; nothing happens until {@link #start}. */
    public Subscription create(Channel channel, Outbound outbound, boolean conflate) {
        return new Subscription(channel, outbound, config.replay().maxHeldLive(), conflate);
    }

    /**
     * Sets the subscription up on a worker; frames (or an error frame) follow on its outbound queue.
     *
     * @param authorised a verdict already reached (SSE authorises before the stream starts), or null
     * @param onFailed   called when the subscription could not be set up, after its error frame
     */
    public void start(Viewer viewer, Subscription subscription, ResumeFrom since,
                      ChannelAccess.Verdict.Granted authorised, Runnable onFailed) {
        workers.execute(() -> setUp(viewer, subscription, since, authorised, onFailed));
    }

    /** Authorisation alone, for SSE which must answer 403 before the stream starts. Blocks. */
    public ChannelAccess.Verdict authorise(Viewer viewer, Channel channel) {
        return access.authorize(viewer, channel).await().atMost(CALL_TIMEOUT);
    }

    public void unsubscribe(Subscription subscription) {
        fanOut.unregister(subscription);
    }

    private void setUp(Viewer viewer, Subscription subscription, ResumeFrom since,
                       ChannelAccess.Verdict.Granted authorised, Runnable onFailed) {
        Channel channel = subscription.channel();
        Outbound out = subscription.outbound();
        try {
            if (!fanOut.isStarted()) {
                throw new SetupFailure(ErrorCode.UNAVAILABLE, "the gateway is starting; try again shortly");
            }
            ChannelAccess.Verdict.Granted granted = authorised != null ? authorised : grantOrFail(viewer, channel);
            if (subscription.isCancelled()) {
                return;
            }
            long[] seam = fanOut.register(subscription);
            Plan plan = since == null || !pointsIntoThisLog(since, seam) ? null : resumePlan(viewer, channel, since, seam);
            if (plan == null) {
                plan = snapshotPlan(viewer, channel, granted, seam, since != null);
            }
            out.offer(Frames.subscribed(channel, plan.position(), plan.recovered()));
            if (plan.snapshot() != null) {
                out.offer(plan.snapshot());
            }
            int replayed = replay(channel, plan, seam, subscription);
            metrics.replayed(replayed);
            if (subscription.isCancelled()) {
                fanOut.unregister(subscription);
                return;
            }
            if (!subscription.goLive(UserPosition.max(seam, plan.from()))) {
                fanOut.unregister(subscription);
                out.dropAsSlowConsumer();
            }
        } catch (SetupFailure failure) {
            fail(subscription, failure.code(), failure.getMessage(), onFailed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fanOut.unregister(subscription);
        } catch (RuntimeException e) {
            LOG.errorf(e, "subscription to %s failed", channel.name());
            fail(subscription, ErrorCode.UNAVAILABLE, "subscription failed: " + e.getMessage(), onFailed);
        }
    }

    private void fail(Subscription subscription, ErrorCode code, String message, Runnable onFailed) {
        fanOut.unregister(subscription);
        subscription.outbound().offer(Frames.error(code, message, "subscribe", subscription.channel().name()));
        onFailed.run();
    }

    private ChannelAccess.Verdict.Granted grantOrFail(Viewer viewer, Channel channel) {
        ChannelAccess.Verdict verdict;
        try {
            verdict = access.authorize(viewer, channel).await().atMost(CALL_TIMEOUT);
        } catch (RuntimeException e) {
            throw new SetupFailure(ErrorCode.UNAVAILABLE, "cannot check access to " + channel.name() + " (job-api: " + e.getMessage() + ")");
        }
        return switch (verdict) {
            case ChannelAccess.Verdict.Granted granted -> granted;
            case ChannelAccess.Verdict.Denied denied -> throw new SetupFailure(ErrorCode.FORBIDDEN, denied.reason());
        };
    }

    // ---- plans ---------------------------------------------------------------------------------

    /**
     * False for a token from another log: another epoch (a recreated topic, another cluster), or,
     * for a token without an epoch, offsets past the end of the log. Taken as a floor, such a token
     * would silently hold back every new event below it; it gets a snapshot instead. Being ahead of
     * this replica's live stream is normal after a resume from a faster replica: only then is the
     * log's end read.
     */
    private boolean pointsIntoThisLog(ResumeFrom since, long[] seam) {
        if (since.isFromAnotherEpoch(fanOut.positions())) {
            metrics.resumeRefused();
            return false;
        }
        for (int p = 0; p < seam.length; p++) {
            if (since.next()[p] > seam[p] && since.next()[p] > history.logEnd(p)) {
                metrics.resumeRefused();
                return false;
            }
        }
        return true;
    }

    /** Resume from the client's position; null when history is gone and a snapshot must do. */
    private Plan resumePlan(Viewer viewer, Channel channel, ResumeFrom since, long[] seam) {
        long[] from = seam.clone();
        List<Frame> olderThanKafka = List.of();
        if (channel.isJob()) {
            int partition = since.jobPartition();
            if (partition != partitionOf(channel.id(), seam.length)) {
                throw new SetupFailure(ErrorCode.BAD_REQUEST, "position " + since.text() + " is not a position of " + channel.name());
            }
            from[partition] = since.next()[partition];
            Optional<List<Frame>> inWindow = directory.recent(channel.id(), from[partition] - 1, seam[partition]);
            if (inWindow.isPresent()) {
                // Inside the job's window: replayed from memory, no Kafka read (issue 11).
                metrics.resumedFromMemory();
                from[partition] = Math.max(from[partition], seam[partition]);
                return new Plan(from, resumedAt(channel, since), true, null, Map.of(),
                        inWindow.get().stream().map(Frame::replayed).toList());
            }
            long logStart = history.logStart(partition);
            if (from[partition] < Math.min(logStart, seam[partition])) {
                Optional<List<Frame>> older = jobApiHistory(viewer, channel, from[partition] - 1, logStart);
                if (older.isEmpty()) {
                    return null;
                }
                olderThanKafka = older.get();
                from[partition] = logStart;
            }
        } else {
            for (int p = 0; p < from.length; p++) {
                from[p] = since.next()[p];
                if (from[p] < seam[p] && from[p] < history.logStart(p)) {
                    // A user's history spans jobs; job-api has it per job only. Start afresh.
                    return null;
                }
            }
        }
        return new Plan(from, resumedAt(channel, since), true, null, Map.of(), olderThanKafka);
    }

    /** The client's position, written in this log's epoch (a token without one gets it). */
    private String resumedAt(Channel channel, ResumeFrom since) {
        Positions positions = fanOut.positions();
        return channel.isJob() ? positions.job(since.jobPartition(), since.next()[since.jobPartition()] - 1)
                : positions.user(since.next());
    }

    private Plan snapshotPlan(Viewer viewer, Channel channel, ChannelAccess.Verdict.Granted granted, long[] seam,
                              boolean resumeFailed) {
        return channel.isJob() ? jobSnapshotPlan(viewer, channel, granted, seam, resumeFailed)
                : userSnapshotPlan(viewer, channel, seam, resumeFailed);
    }

    private Plan jobSnapshotPlan(Viewer viewer, Channel channel, ChannelAccess.Verdict.Granted granted, long[] seam,
                                 boolean resumeFailed) {
        Optional<ObjectNode> job = granted.job();
        boolean jobApiDown = false;
        // A job the gateway has seen: the snapshot comes from its own state, no job-api call (issue 11).
        boolean seenBefore = job.isEmpty() && directory.find(channel.id()).isPresent();
        if (job.isEmpty() && !seenBefore) {
            try {
                job = jobApi.job(viewer.token(), channel.id()).await().atMost(CALL_TIMEOUT);
            } catch (RuntimeException e) {
                jobApiDown = true;
            }
        }
        // Read after joining the live stream, so what the directory says is at or past the seam.
        Optional<JobDirectory.SeenJob> seen = directory.find(channel.id());
        ObjectNode data;
        String position;
        if (job.isPresent()) {
            data = job.get();
            position = job.get().path("position").asText(null);
        } else if (seen.isPresent()) {
            data = seen.get().toSnapshot();
            position = seen.get().position();
        } else if (jobApiDown) {
            throw new SetupFailure(ErrorCode.UNAVAILABLE, "job-api is unavailable and the gateway has not seen " + channel.name());
        } else {
            throw new SetupFailure(ErrorCode.NOT_FOUND, "job " + channel.id() + " is not known");
        }
        long[] from = seam.clone();
        Optional<EventPosition> at = EventPosition.parse(position).filter(p -> p.partition() < seam.length);
        int partition = at.map(EventPosition::partition).orElseGet(() -> partitionOf(channel.id(), seam.length));
        if (at.isPresent() && job.isEmpty()) {
            // The gateway's own state: it reflects every event of the job the live stream passed
            // (both change under the seam lock), so nothing before the seam needs a Kafka read.
            from[partition] = Math.max(at.get().offset() + 1, seam[partition]);
        } else if (at.isPresent()) {
            from[partition] = at.get().offset() + 1;
        } else {
            from[partition] = Math.min(seam[partition], lookbackStart(partition));
        }
        String token = at.map(fanOut.positions()::job).orElse(null);
        return new Plan(from, token, !resumeFailed, Frames.snapshot(channel, token, data), Map.of(), List.of());
    }

    private Plan userSnapshotPlan(Viewer viewer, Channel channel, long[] seam, boolean resumeFailed) {
        List<ObjectNode> jobs;
        try {
            jobs = jobApi.activeJobs(viewer.token(), channel.id()).await().atMost(CALL_TIMEOUT).stream()
                    .filter(job -> channel.id().equals(job.path("userId").asText(null)))
                    .toList();
        } catch (RuntimeException e) {
            jobs = directory.activeJobsOf(channel.id()).stream().map(JobDirectory.SeenJob::toSnapshot).toList();
        }
        long[] from = seam.clone();
        Map<String, Long> reflected = new HashMap<>();
        ArrayNode items = StageEventJson.mapper().createArrayNode();
        for (ObjectNode job : jobs) {
            items.add(job);
            String jobId = job.path("id").asText();
            Optional<EventPosition> at = EventPosition.parse(job.path("position").asText(null));
            if (at.isPresent()) {
                int p = at.get().partition();
                if (p < from.length) {
                    from[p] = Math.min(from[p], at.get().offset() + 1);
                    reflected.put(jobId, at.get().offset());
                }
            } else if (!jobId.isEmpty()) {
                int p = partitionOf(jobId, from.length);
                from[p] = Math.min(from[p], lookbackStart(p));
            }
        }
        ObjectNode data = StageEventJson.object();
        data.set("items", items);
        String position = fanOut.positions().user(from);
        return new Plan(from, position, !resumeFailed, Frames.snapshot(channel, position, data), reflected, List.of());
    }

    /** job-api's history of a job after {@code afterOffset}, up to (not including) {@code until}; empty when job-api cannot give it. */
    private Optional<List<Frame>> jobApiHistory(Viewer viewer, Channel channel, long afterOffset, long until) {
        int partition = partitionOf(channel.id(), fanOut.partitions());
        List<Frame> frames = new ArrayList<>();
        String after = afterOffset < 0 ? null : new EventPosition(partition, afterOffset).toString();
        try {
            while (true) {
                List<ObjectNode> page = jobApi.events(viewer.token(), channel.id(), after, config.replay().historyPageSize())
                        .await().atMost(CALL_TIMEOUT);
                for (ObjectNode item : page) {
                    if (!item.path("position").isTextual()) {
                        // job-api lists its own events before they are on the bus last, without a position:
                        // those come live from Kafka.
                        return Optional.of(frames);
                    }
                    Frame frame = Frames.historyEvent(channel, item, fanOut.positions());
                    if (frame.offset() >= until) {
                        return Optional.of(frames);
                    }
                    frames.add(frame);
                    after = new EventPosition(frame.partition(), frame.offset()).toString();
                }
                if (page.size() < config.replay().historyPageSize()) {
                    return Optional.of(frames);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("job-api history of %s unavailable: %s", channel.name(), e.getMessage());
            return Optional.empty();
        }
    }

    // ---- replay --------------------------------------------------------------------------------

    private int replay(Channel channel, Plan plan, long[] seam, Subscription subscription) throws InterruptedException {
        Replayer replayer = new Replayer(channel, plan, subscription);
        for (Frame frame : plan.beforeKafka()) {
            if (!replayer.send(frame)) {
                return replayer.count;
            }
        }
        long[] from = plan.from();
        for (int p = 0; p < seam.length && !replayer.stopped; p++) {
            if (from[p] < seam[p]) {
                int partition = p;
                history.read(partition, from[p], seam[p], record -> replayer.accept(partition, record));
            }
            replayer.partitionDone(p, Math.max(seam[p], from[p]));
        }
        if (replayer.interrupted) {
            throw new InterruptedException();
        }
        return replayer.count;
    }

    /** Filters history records for one channel and sends them, paced to the client. */
    private final class Replayer {
        private final Channel channel;
        private final Plan plan;
        private final Subscription subscription;
        private final long[] cursor;
        private int count;
        private boolean stopped;
        private boolean interrupted;

        Replayer(Channel channel, Plan plan, Subscription subscription) {
            this.channel = channel;
            this.plan = plan;
            this.subscription = subscription;
            this.cursor = plan.from().clone();
        }

        boolean accept(int partition, ConsumerRecord<String, byte[]> record) {
            if (!mayBelong(record)) {
                return true;
            }
            if (!(StageEventCodec.decode(record) instanceof Decoded.Valid valid)) {
                return true;
            }
            StageEvent event = valid.event();
            boolean belongs = (channel.isJob() ? event.jobId().equals(channel.id()) : event.userId().equals(channel.id()))
                    // The live stream dead-lettered events that are not the job's owner's; a replay skips them too.
                    && owners.admits(event);
            Long reflected = plan.reflectedInSnapshot().get(event.jobId());
            if (!belongs || (reflected != null && record.offset() <= reflected)) {
                return true;
            }
            String position;
            if (channel.isJob()) {
                position = fanOut.positions().job(partition, record.offset());
            } else {
                cursor[partition] = record.offset() + 1;
                position = fanOut.positions().user(cursor);
            }
            return send(Frames.event(channel, event, partition, record.offset(), position).replayed());
        }

        void partitionDone(int partition, long next) {
            cursor[partition] = next;
        }

        /** Cheap pre-filter before decoding: the key is the job id; binary mode carries the owner in a header. */
        private boolean mayBelong(ConsumerRecord<String, byte[]> record) {
            if (channel.isJob()) {
                return channel.id().equals(record.key());
            }
            Header owner = record.headers().lastHeader("ce_" + StageEventCodec.USERID);
            byte[] value = owner == null ? NO_HEADER : owner.value();
            return owner == null || new String(value, StandardCharsets.UTF_8).equals(channel.id());
        }

        boolean send(Frame frame) {
            Outbound out = subscription.outbound();
            try {
                boolean room = !subscription.isCancelled()
                        && out.awaitRoom(config.replay().drainTimeout().toMillis(), TimeUnit.MILLISECONDS, subscription::isCancelled);
                if (subscription.isCancelled()) {
                    // Unsubscribed (or the connection went away) meanwhile: stop quietly, the client asked for it.
                    stopped = true;
                    return false;
                }
                if (!room) {
                    out.dropAsSlowConsumer();
                    stopped = true;
                    return false;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                stopped = true;
                return false;
            }
            if (!out.offer(frame)) {
                stopped = true;
                return false;
            }
            count++;
            return true;
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private int partitionOf(String jobId, int partitions) {
        return directory.find(jobId).map(JobDirectory.SeenJob::partition)
                .orElseGet(() -> JobPartitions.partitionOf(jobId, partitions));
    }

    private long lookbackStart(int partition) {
        return history.offsetAt(partition, Instant.now().minus(config.replay().unknownPositionLookback()));
    }
}
