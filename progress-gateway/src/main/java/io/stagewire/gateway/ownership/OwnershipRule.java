package io.stagewire.gateway.ownership;

import io.stagewire.events.StageEvent;
import java.util.Optional;
import java.util.Set;

/**
 * The rule shared with job-api (docs/security.md): a job's owner is fixed once, by job-api's record
 * for its own jobs or by the {@code userid} of the first event of an external job, whose CloudEvents
 * {@code source} also binds the job to that producer. A later event that disagrees is not the job's.
 */
public final class OwnershipRule {

    private OwnershipRule() {
    }

    /** Why {@code event} does not belong to the job bound as {@code binding}; empty when it does. */
    public static Optional<String> rejection(JobBinding binding, StageEvent event, Set<String> ownSources) {
        if (!binding.owner().equals(event.userId())) {
            return Optional.of("userid '" + event.userId() + "' does not own job '" + event.jobId() + "'");
        }
        boolean producerMismatch = binding.ownJob() ? !ownSources.contains(event.source())
                : binding.producer() != null && !binding.producer().equals(event.source());
        if (producerMismatch) {
            return Optional.of("source '" + event.source() + "' did not create job '" + event.jobId() + "'");
        }
        return Optional.empty();
    }
}
