package io.stagewire.gateway.ownership;

import io.stagewire.events.StageEvent;
import io.stagewire.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The owner of every job the gateway knows, bound by the first event of the job in job.events (the
 * gateway reads the whole retained log at start, so that is the first event, not merely the first
 * one this process happened to see) or by job-api's answer, and never by a later event.
 *
 * <p>Bounded: past {@code ownership.max-jobs} the least recently used binding is forgotten; a
 * forgotten job's next event binds it again, which is why access to a job whose binding does not
 * grant the viewer is always re-checked with job-api (see ChannelAccess). Owner and producer
 * strings are shared between bindings, so an entry costs about the job id plus 60 bytes.
 */
@ApplicationScoped
public class JobOwners {
    private static final Logger LOG = Logger.getLogger(JobOwners.class);

    /** Whether an event may be delivered, and if not, the dead-letter reason. */
    public sealed interface Admission {
        /** @param first the event is the first of its job: it bound the owner */
        record Admitted(boolean first) implements Admission {
        }

        record Rejected(String reason) implements Admission {
        }
    }

    private static final Admission ADMITTED = new Admission.Admitted(false);
    private static final Admission FIRST = new Admission.Admitted(true);

    private final Map<String, JobBinding> bindings;
    private final Map<String, String> interned = new HashMap<>();
    private final String jobApiSource;
    private final Set<String> ownSources;

    @Inject
    public JobOwners(GatewayConfig config) {
        int max = config.ownership().maxJobs();
        this.jobApiSource = config.ownership().jobApiSource();
        this.ownSources = Set.copyOf(config.ownership().ownSources());
        this.bindings = new LinkedHashMap<>(4096, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JobBinding> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * The live stream's (and the start-up refill's) check, in log order: the first event of a job
     * binds it; every later one must agree with the binding.
     */
    public synchronized Admission admit(StageEvent event) {
        JobBinding binding = bindings.get(event.jobId());
        if (binding == null) {
            boolean ownJob = jobApiSource.equals(event.source());
            bindings.put(event.jobId(), new JobBinding(intern(event.userId()), ownJob ? null : intern(event.source()), false, ownJob));
            return FIRST;
        }
        return OwnershipRule.rejection(binding, event, ownSources).<Admission>map(Admission.Rejected::new).orElse(ADMITTED);
    }

    /** The same check without binding: for events read again from history (replays). */
    public synchronized boolean admits(StageEvent event) {
        JobBinding binding = bindings.get(event.jobId());
        return binding == null || OwnershipRule.rejection(binding, event, ownSources).isEmpty();
    }

    public synchronized Optional<JobBinding> binding(String jobId) {
        return Optional.ofNullable(bindings.get(jobId));
    }

    /** job-api, the system of record, named the owner: that wins over what events said. */
    public synchronized void confirmedByJobApi(String jobId, String owner) {
        JobBinding before = bindings.get(jobId);
        if (before != null && before.owner().equals(owner)) {
            if (!before.fromJobApi()) {
                bindings.put(jobId, new JobBinding(before.owner(), before.producer(), true, before.ownJob()));
            }
            return;
        }
        if (before != null) {
            LOG.warnf("job %s: job-api names owner %s, its first event in job.events named %s; job-api wins", jobId, owner, before.owner());
        }
        bindings.put(jobId, new JobBinding(intern(owner), null, true, false));
    }

    private String intern(String value) {
        if (interned.size() > 100_000) {
            interned.clear();
        }
        return interned.computeIfAbsent(value, v -> v);
    }
}
