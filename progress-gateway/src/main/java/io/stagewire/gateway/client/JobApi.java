package io.stagewire.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.stagewire.gateway.fanout.JobRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * job-api behind timeouts and a circuit breaker: when job-api is slow or down the gateway answers
 * from what it has seen in events or tells the client {@code unavailable}, it never hangs. A 404
 * is an answer (not the caller's job), not a failure, so it does not trip the breaker.
 */
@ApplicationScoped
public class JobApi implements JobRecords {
    /** The status the gateway asks for a user's snapshot: job-api lists every job that has not ended. */
    public static final String ACTIVE = "active";
    /** job-api's largest page. */
    private static final int PAGE_SIZE = 100;
    /** A user snapshot lists at most this many pages (1000 unfinished jobs); later ones still arrive live. */
    private static final int MAX_SNAPSHOT_PAGES = 10;

    private final JobApiClient client;

    JobApi(@RestClient JobApiClient client) {
        this.client = client;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Override
    public Uni<Optional<ObjectNode>> job(String token, String jobId) {
        return client.job(bearer(token), jobId)
                .map(Optional::of)
                .onFailure(JobApi::isNotFound).recoverWithItem(Optional.empty());
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Override
    public Uni<List<ObjectNode>> activeJobs(String token, String owner) {
        return activeJobs(token, owner, 0, new ArrayList<>());
    }

    // job-api pages its lists; a user channel's snapshot needs all of the owner's unfinished jobs.
    private Uni<List<ObjectNode>> activeJobs(String token, String owner, int page, List<ObjectNode> collected) {
        return client.jobs(bearer(token), ACTIVE, owner, page, PAGE_SIZE).chain(body -> {
            List<ObjectNode> items = items(body);
            collected.addAll(items);
            boolean more = items.size() == PAGE_SIZE && page + 1 < MAX_SNAPSHOT_PAGES;
            return more ? activeJobs(token, owner, page + 1, collected) : Uni.createFrom().item(collected);
        });
    }

    /** One page of a job's history after {@code after} (a position, or null for the beginning). */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @Override
    public Uni<List<ObjectNode>> events(String token, String jobId, String after, int limit) {
        return client.events(bearer(token), jobId, after, limit).map(JobApi::items);
    }

    private static List<ObjectNode> items(ObjectNode page) {
        List<ObjectNode> items = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            if (item instanceof ObjectNode object) {
                items.add(object);
            }
        }
        return items;
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException e && e.getResponse() != null && e.getResponse().getStatus() == 404;
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
