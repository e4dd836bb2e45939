package io.stagewire.jobapi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.config.StagewireConfig;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobKind;
import io.stagewire.jobapi.persistence.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One user's share of the pipeline (StagewireConfig.Jobs): how many of their jobs may be unfinished and how many they
 * may create per minute. Checked at the end of the creating transaction, the new job already written, after a
 * per-user advisory lock: concurrent requests of one user (on any replica) are counted one after the other, so the
 * bound is exact, and the lock is held for the count and the commit only — a creation transaction that waited for a
 * busy job-api while holding it made each user's creations queue behind each other (a storm of 1 000: 26 s each,
 * docs/reliability.md). Other users never wait for it. Jobs of other systems (external) do not count.
 */
@ApplicationScoped
public class JobQuota {
    private static final List<JobKind> OWN_WORK = List.of(JobKind.CRAWL, JobKind.EXTRACTION);
    private static final List<JobStatus> UNFINISHED = List.copyOf(JobStatus.filterFor("active").orElseThrow());
    private static final int MINUTE = 60;

    private final StagewireConfig.Jobs limits;

    JobQuota(StagewireConfig config) {
        this.limits = config.jobs();
    }

    /**
     * Fails with 429 when the job {@code caller} just wrote in this transaction takes them past their share; call last
     * in the creating transaction, so that the refusal rolls the job back.
     */
    public Uni<Void> admitWritten(Caller caller) {
        OffsetDateTime minuteAgo = OffsetDateTime.now().minusSeconds(MINUTE);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1))) held", Long.class)
                        .setParameter(1, "job-quota:" + caller.userId()).getSingleResult())
                .chain(() -> Job.count("userId = ?1 and kind in ?2 and status in ?3", caller.userId(), OWN_WORK, UNFINISHED))
                .chain(unfinished -> {
                    // The count includes the job being created.
                    if (unfinished > limits.maxUnfinishedPerUser()) {
                        throw ProblemException.tooMany("too-many-jobs", "Too many unfinished jobs",
                                "you have " + (unfinished - 1) + " unfinished jobs, the most allowed; create more once some have finished",
                                MINUTE / 2);
                    }
                    return Job.count("userId = ?1 and kind in ?2 and createdAt > ?3", caller.userId(), OWN_WORK, minuteAgo);
                })
                .invoke(lastMinute -> {
                    if (lastMinute > limits.maxCreatedPerMinute()) {
                        throw ProblemException.tooMany("too-many-jobs", "Too many jobs created",
                                "you created " + (lastMinute - 1) + " jobs within the last minute, the most allowed", MINUTE);
                    }
                })
                .replaceWithVoid();
    }
}
