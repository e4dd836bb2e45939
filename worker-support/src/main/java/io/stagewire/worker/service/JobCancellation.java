package io.stagewire.worker.service;

import io.stagewire.data.jobs.JobStatusReader;

import jakarta.enterprise.context.ApplicationScoped;

/** The cancellation check of docs/work-messages.md, asked before every item of work. */
@ApplicationScoped
public class JobCancellation {

    private final JobStatusReader jobs;

    JobCancellation(JobStatusReader jobs) {
        this.jobs = jobs;
    }

    /** Whether job-api marked the job cancelled; a job job-api has no row for (another system's) is not. */
    public boolean isCancelled(String jobId) {
        return jobs.find(jobId).map(JobStatusReader.JobStatus::cancelled).orElse(false);
    }
}
