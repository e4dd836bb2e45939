package io.stagewire.jobapi.service;

import io.stagewire.events.InvalidStageEventException;
import io.stagewire.events.StageEvent;
import io.stagewire.jobapi.config.StagewireConfig;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Who may write to a job through job.events. The owner is fixed once: by the row created through
 * REST for job-api's own jobs, by the userid of the first event for an external job, whose source
 * then binds the job to that producer. Own jobs take events only from Stagewire's own sources.
 * A disagreeing event is refused with the reason; the consumer dead-letters it unrecorded.
 */
@ApplicationScoped
public class JobOwnership {
    private final Set<String> ownSources;

    JobOwnership(StagewireConfig config) {
        this.ownSources = Set.copyOf(config.events().ownSources());
    }

    /** @throws InvalidStageEventException when {@code event} may not write to {@code job} */
    public void check(Job job, StageEvent event) {
        if (!job.userId.equals(event.userId())) {
            throw new InvalidStageEventException("userid '" + event.userId() + "' does not own job '" + job.id + "'");
        }
        boolean boundSource = job.kind == JobKind.EXTERNAL ? event.source().equals(job.source) : ownSources.contains(event.source());
        if (!boundSource) {
            throw new InvalidStageEventException("source '" + event.source() + "' did not create job '" + job.id + "'");
        }
    }
}
