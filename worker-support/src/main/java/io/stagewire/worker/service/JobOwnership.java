package io.stagewire.worker.service;

import io.stagewire.data.jobs.JobStatusReader;
import io.stagewire.data.jobs.JobStatusReader.JobStatus;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The job a work request names, as job-api stored it. Work topics are written by job-api and the workers only, and
 * job-api stores a job before it asks for work on it, so a request for a job without a row, or whose {@code userId}
 * is not the job's owner, was not written by them: it is refused, and nothing it names is read for it.
 */
@ApplicationScoped
public class JobOwnership {

    private final JobStatusReader jobs;

    JobOwnership(JobStatusReader jobs) {
        this.jobs = jobs;
    }

    /** A job of job-api's whose owner is the request's user. */
    public record OwnedJob(String id, String ownerId, boolean cancelled) {
    }

    /**
     * @throws ForeignWorkRequestException when there is no such job or {@code userId} is not its owner
     * @throws io.stagewire.data.StorageException when Postgres cannot be asked (worth retrying)
     */
    public OwnedJob require(String jobId, String userId) {
        JobStatus job = jobs.find(jobId).orElseThrow(() -> new ForeignWorkRequestException(
                "job " + jobId + " does not exist: job-api stores a job before it asks for work on it"));
        if (!job.ownerId().equals(userId)) {
            throw new ForeignWorkRequestException("userId '" + userId + "' is not the owner of job " + jobId);
        }
        return new OwnedJob(jobId, job.ownerId(), job.cancelled());
    }
}
