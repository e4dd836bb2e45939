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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway has seen of each job in events: its owner (every event carries {@code userid},
 * so most authorisation needs no call to job-api), its partition and its last event. Bounded,
 * least recently used first out. Written only by the dispatch under the seam lock, so what it
 * says is consistent with the live stream's position.
 */
@ApplicationScoped
public class JobDirectory {

    /** One job as last seen. */
    public record SeenJob(String jobId, String owner, int partition, long offset, EventType lastType,
                          OffsetDateTime lastTime, JsonNode progress, JsonNode stage) {

        public boolean isActive() {
            return !lastType.isTerminal();
        }

        public String position() {
            return new EventPosition(partition, offset).toString();
        }

        /** The snapshot the gateway can give by itself when job-api cannot. */
        public ObjectNode toSnapshot() {
            ObjectNode node = StageEventJson.object();
            node.put("id", jobId);
            node.put("userId", owner);
            node.put("lastEventType", lastType.wireName());
            node.put("lastEventTime", lastTime.toString());
            if (progress != null) {
                node.set("progress", progress);
            }
            if (stage != null) {
                node.set("stage", stage);
            }
            node.put("position", position());
            node.put("source", "gateway");
            return node;
        }
    }

    private final Map<String, SeenJob> jobs;

    @Inject
    public JobDirectory(GatewayConfig config) {
        int max = config.knownJobs();
        this.jobs = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SeenJob> eldest) {
                return size() > max;
            }
        };
    }

    synchronized void saw(StageEvent event, int partition, long offset) {
        SeenJob before = jobs.get(event.jobId());
        JsonNode progress = before == null ? null : before.progress();
        JsonNode stage = before == null ? null : before.stage();
        if (event.type() == EventType.JOB_PROGRESS) {
            progress = event.field("progress");
            stage = event.data().has("stage") ? event.field("stage") : stage;
        }
        jobs.put(event.jobId(), new SeenJob(event.jobId(), event.userId(), partition, offset, event.type(),
                event.time(), progress, stage));
    }

    public synchronized Optional<SeenJob> find(String jobId) {
        return Optional.ofNullable(jobs.get(jobId));
    }

    /** The active jobs of a user this gateway has seen; a fallback when job-api cannot list them. */
    public synchronized List<SeenJob> activeJobsOf(String owner) {
        List<SeenJob> found = new ArrayList<>();
        for (SeenJob job : jobs.values()) {
            if (job.owner().equals(owner) && job.isActive()) {
                found.add(job);
            }
        }
        return found;
    }
}
