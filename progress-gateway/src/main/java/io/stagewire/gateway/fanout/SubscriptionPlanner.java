package io.stagewire.gateway.fanout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewire.events.EventPosition;
import io.stagewire.events.StageEventJson;
import io.stagewire.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Plans a subscription's first frames (ResumeRules decides, this class gathers the facts): a
 * resume from the job's in-memory window, from the log, or from job-api's history then the log;
 * a snapshot from the gateway's own state of a job it has seen, or from job-api for one it has not.
 * Blocking: runs on a set-up worker.
 */
@ApplicationScoped
class SubscriptionPlanner {
    private static final Logger LOG = Logger.getLogger(SubscriptionPlanner.class);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final GatewayConfig config;
    private final FanOut fanOut;
    private final JobDirectory directory;
    private final PartitionLog log;
    private final JobRecords jobRecords;
    private final FanOutMetrics metrics;
    private final SharedLookups<List<ObjectNode>> activeJobs = new SharedLookups<>();

    SubscriptionPlanner(GatewayConfig config, FanOut fanOut, JobDirectory directory, PartitionLog log, JobRecords jobRecords,
                        FanOutMetrics metrics) {
        this.config = config;
        this.fanOut = fanOut;
        this.directory = directory;
        this.log = log;
        this.jobRecords = jobRecords;
        this.metrics = metrics;
    }

    /**
     * What a user subscription without {@code since} reads from memory at its seam (under the seam
     * lock, see FanOut.register): its user's active jobs as the gateway knows them, when it knows
     * every job. Nothing for job channels and resumes.
     */
    Supplier<UserJobs> userJobsAtSeam(Channel channel, ResumeFrom since) {
        if (channel.isJob() || since != null) {
            return () -> UserJobs.NOT_READ;
        }
        return () -> directory.everyActiveJobOf(channel.id()).map(UserJobs::new).orElse(UserJobs.NOT_READ);
    }

    /** The plan for a subscription that joined the live stream at {@code seam}. */
    SubscriptionPlan plan(Viewer viewer, Channel channel, ResumeFrom since, AccessVerdict.Granted granted, long[] seam,
                          UserJobs userJobsAtSeam) {
        SubscriptionPlan plan = null;
        if (since != null) {
            if (ResumeRules.isFromAnotherLog(since, seam, fanOut.positions(), log::logEnd)) {
                metrics.resumeRefused();
            } else {
                plan = resume(viewer, channel, since, seam);
            }
        }
        if (plan == null) {
            plan = channel.isJob() ? jobSnapshot(viewer, channel, granted, seam, since != null)
                    : userJobsAtSeam.jobs() != null ? userSnapshotFromMemory(channel, seam, userJobsAtSeam.jobs())
                    : userSnapshot(viewer, channel, seam, since != null);
        }
        return plan;
    }

    /** Resume from the client's position; null when history is gone and a snapshot must do. */
    private SubscriptionPlan resume(Viewer viewer, Channel channel, ResumeFrom since, long[] seam) {
        long[] from = seam.clone();
        if (!channel.isJob()) {
            System.arraycopy(since.next(), 0, from, 0, from.length);
            return ResumeRules.userResumable(from, seam, log::logStart)
                    ? new SubscriptionPlan(from, resumedAt(channel, since), true, null, Map.of(), List.of()) : null;
        }
        int partition = since.jobPartition();
        if (partition != partitionOf(channel.id(), seam.length)) {
            throw new SetupFailure(ErrorCode.BAD_REQUEST, "position " + since.text() + " is not a position of " + channel.name());
        }
        long next = since.next()[partition];
        Optional<List<Frame>> inWindow = directory.recent(channel.id(), next - 1, seam[partition]);
        switch (ResumeRules.jobSource(next, seam[partition], inWindow.isPresent(), log::logStart, partition)) {
            case WINDOW -> {
                // Inside the job's window: replayed from memory, no Kafka read (issue 11).
                metrics.resumedFromMemory();
                from[partition] = Math.max(next, seam[partition]);
                return new SubscriptionPlan(from, resumedAt(channel, since), true, null, Map.of(),
                        inWindow.get().stream().map(Frame::replayed).toList());
            }
            case LOG -> {
                from[partition] = next;
                return new SubscriptionPlan(from, resumedAt(channel, since), true, null, Map.of(), List.of());
            }
            case JOB_API_THEN_LOG -> {
                long logStart = log.logStart(partition);
                Optional<List<Frame>> older = jobApiHistory(viewer, channel, next - 1, logStart);
                if (older.isEmpty()) {
                    return null;
                }
                from[partition] = logStart;
                return new SubscriptionPlan(from, resumedAt(channel, since), true, null, Map.of(), older.get());
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The client's position, written in this log's epoch (a token without one gets it). */
    private String resumedAt(Channel channel, ResumeFrom since) {
        Positions positions = fanOut.positions();
        return channel.isJob() ? positions.job(since.jobPartition(), since.next()[since.jobPartition()] - 1)
                : positions.user(since.next());
    }

    private SubscriptionPlan jobSnapshot(Viewer viewer, Channel channel, AccessVerdict.Granted granted, long[] seam,
                                         boolean resumeFailed) {
        Optional<ObjectNode> job = granted.job();
        boolean jobApiDown = false;
        // A job the gateway has seen: the snapshot comes from its own state, no job-api call (issue 11).
        boolean seenBefore = job.isEmpty() && directory.find(channel.id()).isPresent();
        if (job.isEmpty() && !seenBefore) {
            try {
                job = jobRecords.job(viewer.token(), channel.id()).await().atMost(CALL_TIMEOUT);
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
            metrics.snapshotFromMemory();
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
        // Read after joining the live stream: not seen by then means no event before the seam.
        boolean noEventBeforeSeam = seen.isEmpty() && directory.knowsEveryJob();
        from[partition] = ResumeRules.afterSnapshot(at.map(EventPosition::offset).orElse(-1L), job.isEmpty(), noEventBeforeSeam,
                seam[partition], this::lookbackStart, partition);
        String token = at.map(fanOut.positions()::job).orElse(null);
        return new SubscriptionPlan(from, token, !resumeFailed, Frames.snapshot(channel, token, data), Map.of(), List.of());
    }

    /**
     * A user snapshot from the gateway's own state, read at the seam: it reflects every event below
     * the seam and none after, so the live stream continues exactly from the seam (no log read, no
     * job-api call: issue 11).
     */
    private SubscriptionPlan userSnapshotFromMemory(Channel channel, long[] seam, List<JobDirectory.SeenJob> jobs) {
        metrics.snapshotFromMemory();
        ArrayNode items = StageEventJson.mapper().createArrayNode();
        jobs.forEach(job -> items.add(job.toSnapshot()));
        ObjectNode data = StageEventJson.object();
        data.set("items", items);
        String position = fanOut.positions().user(seam);
        return new SubscriptionPlan(seam.clone(), position, true, Frames.snapshot(channel, position, data), Map.of(), List.of());
    }

    /** A user snapshot from job-api, for a gateway that no longer knows every job; concurrent ones for one user share a call. */
    private SubscriptionPlan userSnapshot(Viewer viewer, Channel channel, long[] seam, boolean resumeFailed) {
        List<ObjectNode> jobs;
        try {
            jobs = activeJobs.get(channel.id(), () -> jobRecords.activeJobs(viewer.token(), channel.id()))
                    .await().atMost(CALL_TIMEOUT).stream()
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
        return new SubscriptionPlan(from, position, !resumeFailed, Frames.snapshot(channel, position, data), reflected, List.of());
    }

    /** job-api's history of a job after {@code afterOffset}, up to (not including) {@code until}; empty when job-api cannot give it. */
    private Optional<List<Frame>> jobApiHistory(Viewer viewer, Channel channel, long afterOffset, long until) {
        int partition = partitionOf(channel.id(), fanOut.partitions());
        List<Frame> frames = new ArrayList<>();
        String after = afterOffset < 0 ? null : new EventPosition(partition, afterOffset).toString();
        int pageSize = config.replay().historyPageSize();
        try {
            while (true) {
                List<ObjectNode> page = jobRecords.events(viewer.token(), channel.id(), after, pageSize).await().atMost(CALL_TIMEOUT);
                for (ObjectNode item : page) {
                    if (!item.path("position").isTextual()) {
                        // job-api lists its own events that are not on the bus yet last, without a position:
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
                if (page.size() < pageSize) {
                    return Optional.of(frames);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("job-api history of %s unavailable: %s", channel.name(), e.getMessage());
            return Optional.empty();
        }
    }

    private int partitionOf(String jobId, int partitions) {
        return directory.find(jobId).map(JobDirectory.SeenJob::partition).orElseGet(() -> log.partitionOf(jobId, partitions));
    }

    private long lookbackStart(int partition) {
        return log.offsetAt(partition, Instant.now().minus(config.replay().unknownPositionLookback()));
    }
}
