package io.stagewire.gateway.fanout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/**
 * The system of record's view of jobs (job-api, client.JobApi), asked with the viewer's own token
 * so that its rules apply: for jobs the gateway has not seen, user snapshots, and history older
 * than the log holds.
 */
public interface JobRecords {
    /** The job, or empty when it does not exist or is not the token's to see. */
    Uni<Optional<ObjectNode>> job(String token, String jobId);

    /** The owner's jobs that have not ended. */
    Uni<List<ObjectNode>> activeJobs(String token, String owner);

    /** One page of a job's history after {@code after} ("partition-offset", or null for the beginning). */
    Uni<List<ObjectNode>> events(String token, String jobId, String after, int limit);
}
