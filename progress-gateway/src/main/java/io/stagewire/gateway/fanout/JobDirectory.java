package io.stagewire.gateway.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewire.events.EventPosition;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway knows of each job from job.events (its own live stream, and the retained log
 * read at start): owner, partition, latest state (status, stage, progress, counters, position)
 * and the window of its recent event frames. Subscribing to a job the gateway has seen needs
 * neither job-api nor a Kafka read (issue 11): the snapshot comes from this state and a resume
 * inside the window is replayed from memory. Bounded: at most {@code known-jobs} jobs (least
 * recently used out), {@code window.max-events} frames and {@code window.max-age} per job and
 * {@code window.max-bytes} in all. Written by the dispatch under the seam lock, so what it says is
 * consistent with the live stream's position.
 */
@ApplicationScoped
public class JobDirectory {

    /** One job as last seen; a copy, safe to use outside the directory. */
    public record SeenJob(String jobId, String owner, int partition, long offset, EventType lastType,
                          OffsetDateTime lastTime, String status, JsonNode progress, JsonNode stage, ObjectNode lastProgress) {

        public boolean isActive() {
            return !lastType.isTerminal();
        }

        public String position() {
            return new EventPosition(partition, offset).toString();
        }

        /** The snapshot the gateway gives from its own state (docs/protocol.md). */
        public ObjectNode toSnapshot() {
            ObjectNode node = StageEventJson.object();
            node.put("id", jobId);
            node.put("userId", owner);
            if (status != null) {
                node.put("status", status);
            }
            if (stage != null) {
                node.set("stage", stage);
            }
            if (progress != null) {
                node.set("progress", progress);
            }
            if (lastProgress != null) {
                // completed, total and counters as the last job:progress carried them.
                lastProgress.fields().forEachRemaining(field -> {
                    if (!node.has(field.getKey())) {
                        node.set(field.getKey(), field.getValue());
                    }
                });
            }
            node.put("lastEventType", lastType.wireName());
            node.put("lastEventTime", lastTime.toString());
            node.put("position", position());
            node.put("source", "gateway");
            return node;
        }
    }

    /** Mutable state of one job; guarded by the directory. */
    private static final class JobState {
        private SeenJob seen;
        private final RecentFrames window;

        JobState(long completeAfter) {
            this.window = new RecentFrames(completeAfter);
        }
    }

    private final Map<String, JobState> jobs;
    /** The user channels' index: each owner's jobs, so a user snapshot costs that user's jobs, not a scan of all. */
    private final Map<String, Map<String, JobState>> jobsByOwner = new HashMap<>();
    /** Whether a job was ever forgotten (the known-jobs bound): then the directory no longer knows every owner's jobs. */
    private boolean forgotAJob;
    private final int windowFrames;
    private final long staleAfterMillis;
    private final long windowAgeMillis;
    private final long maxBytes;
    private long bytes;

    @Inject
    public JobDirectory(GatewayConfig config) {
        int max = config.knownJobs();
        this.windowFrames = config.window().maxEvents();
        this.staleAfterMillis = config.staleAfter().toMillis();
        this.windowAgeMillis = config.window().maxAge().toMillis();
        this.maxBytes = config.window().maxBytes().orElse(Runtime.getRuntime().maxMemory() / 8);
        this.jobs = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JobState> eldest) {
                if (size() > max) {
                    bytes += eldest.getValue().window.clear();
                    unindex(eldest.getValue().seen);
                    forgotAJob = true;
                    return true;
                }
                return false;
            }
        };
    }

    /**
     * An admitted event of the job at {@code partition}/{@code offset}, with its job-channel frame
     * (null when it is too old to keep). {@code firstOfJob}: no earlier event of the job exists.
     */
    synchronized void saw(StageEvent event, int partition, long offset, Frame frame, boolean firstOfJob) {
        JobState state = jobs.get(event.jobId());
        if (state == null) {
            // Nothing before this event is known unless it is the job's very first.
            state = new JobState(firstOfJob ? -1 : offset - 1);
            jobs.put(event.jobId(), state);
        }
        SeenJob before = state.seen;
        state.seen = next(before, event, partition, offset);
        if (before == null || !before.owner().equals(state.seen.owner())) {
            unindex(before);
            jobsByOwner.computeIfAbsent(state.seen.owner(), owner -> new HashMap<>(4)).put(event.jobId(), state);
        }
        long oldest = System.currentTimeMillis() - windowAgeMillis;
        if (frame != null && frame.eventTimeMillis() >= oldest) {
            bytes += state.window.add(frame, eventKey(event), windowFrames, oldest);
        } else {
            bytes += state.window.skip(offset);
        }
        if (bytes > maxBytes) {
            shrink();
        }
    }

    private static SeenJob next(SeenJob before, StageEvent event, int partition, long offset) {
        JsonNode progress = before == null ? null : before.progress();
        JsonNode stage = before == null ? null : before.stage();
        String status = before == null ? null : before.status();
        ObjectNode lastProgress = before == null ? null : before.lastProgress();
        ObjectNode data = event.data();
        switch (event.type()) {
            case JOB_PROGRESS -> {
                progress = event.field("progress");
                stage = data.has("stage") ? data.get("stage") : stage;
                lastProgress = data;
            }
            case JOB_CREATED, JOB_UPDATED -> {
                status = data.hasNonNull("status") ? data.get("status").asText() : status;
                stage = data.has("stage") ? data.get("stage") : stage;
            }
            case JOB_COMPLETED -> status = "completed";
            case JOB_FAILED -> status = "failed";
            case JOB_CANCELLED -> status = "cancelled";
            default -> {
            }
        }
        return new SeenJob(event.jobId(), event.userId(), partition, offset, event.type(), event.time(),
                status, progress, stage, lastProgress);
    }

    private void unindex(SeenJob seen) {
        if (seen == null) {
            return;
        }
        Map<String, JobState> owned = jobsByOwner.get(seen.owner());
        if (owned != null && owned.remove(seen.jobId()) != null && owned.isEmpty()) {
            jobsByOwner.remove(seen.owner());
        }
    }

    /** Over the byte bound: windows of the least recently used jobs go first. */
    private void shrink() {
        Iterator<JobState> eldestFirst = jobs.values().iterator();
        while (bytes > maxBytes * 3 / 4 && eldestFirst.hasNext()) {
            bytes += eldestFirst.next().window.clear();
        }
    }

    /**
     * Whether the event at {@code offset} repeats one its job already had at a lower offset: a producer that redid
     * work after a crash sends the same event (source and id) again, and job-api records it once. Known as far back
     * as the job's window reaches (docs/delivery.md).
     */
    public synchronized boolean isRepeat(StageEvent event, long offset) {
        JobState state = jobs.get(event.jobId());
        return state != null && state.window.firstOffsetOf(eventKey(event)).filter(first -> first < offset).isPresent();
    }

    /** What makes an event the same event: its producer and its id (as job-api's history keys it). */
    static String eventKey(StageEvent event) {
        return event.source() + '\n' + event.id();
    }

    public synchronized Optional<SeenJob> find(String jobId) {
        JobState state = jobs.get(jobId);
        return state == null ? Optional.empty() : Optional.of(state.seen);
    }

    /** The job's frames with offsets in {@code (after, before)} from memory, or empty when the window does not reach back. */
    public synchronized Optional<List<Frame>> recent(String jobId, long after, long before) {
        JobState state = jobs.get(jobId);
        if (state == null) {
            return Optional.empty();
        }
        bytes += state.window.trim(windowFrames, System.currentTimeMillis() - windowAgeMillis);
        return state.window.between(after, before);
    }

    /** Bytes of event frames held in all windows (metric stagewire_gateway_window_bytes). */
    public synchronized long windowBytes() {
        return bytes;
    }

    /** The active jobs of a user this gateway has seen (maybe not all of them: see {@link #knowsEveryJob}). */
    public synchronized List<SeenJob> activeJobsOf(String owner) {
        List<SeenJob> found = new ArrayList<>();
        // From the owner's index, not the jobs map: listing a user's jobs does not count as using each (recency order).
        for (JobState state : jobsByOwner.getOrDefault(owner, Map.of()).values()) {
            if (state.seen.isActive()) {
                found.add(state.seen);
            }
        }
        found.sort(java.util.Comparator.comparing(SeenJob::jobId));
        return found;
    }

    /**
     * Every active job of the owner that is not stale (an event within {@code stale-after}), when the
     * directory knows every job (see {@link #knowsEveryJob}).
     */
    public synchronized Optional<List<SeenJob>> everyActiveJobOf(String owner) {
        if (forgotAJob) {
            return Optional.empty();
        }
        long liveSince = System.currentTimeMillis() - staleAfterMillis;
        return Optional.of(activeJobsOf(owner).stream().filter(job -> job.lastTime().toInstant().toEpochMilli() >= liveSince).toList());
    }

    /**
     * True while the directory holds every job with an event in the retained log: it read the log
     * from its start (the refill) and has forgotten none since. A user snapshot is then served from
     * memory; after the known-jobs bound forgot one, from job-api.
     */
    public synchronized boolean knowsEveryJob() {
        return !forgotAJob;
    }
}
