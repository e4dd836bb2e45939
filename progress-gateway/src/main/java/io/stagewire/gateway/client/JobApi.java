package io.stagewire.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
public class JobApi {
    /** The status the gateway asks for a user's snapshot: job-api lists every job that has not ended. */
    public static final String ACTIVE = "active";

    @Inject
    @RestClient
    JobApiClient client;

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<Optional<ObjectNode>> job(String token, String jobId) {
        return client.job(bearer(token), jobId)
                .map(Optional::of)
                .onFailure(JobApi::isNotFound).recoverWithItem(Optional.empty());
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<List<ObjectNode>> activeJobs(String token) {
        return client.jobs(bearer(token), ACTIVE).map(JobApi::items);
    }

    /** One page of a job's history after {@code after} (a position, or null for the beginning). */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
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
