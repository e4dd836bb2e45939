package io.stagewire.jobapi.service;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.EventPosition;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobEventRecord;
import io.stagewire.jobapi.persistence.JobKind;
import io.stagewire.jobapi.persistence.JobStatus;
import io.stagewire.jobapi.config.StagewireConfig;
import java.time.OffsetDateTime;
import io.stagewire.jobapi.persistence.Label;
import io.stagewire.jobapi.persistence.Match;
import io.stagewire.jobapi.persistence.OcrResult;
import io.stagewire.jobapi.persistence.Screenshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** Reads jobs and what belongs to them, always through the ownership check. */
@ApplicationScoped
@WithSession
public class JobQueries {

    @jakarta.inject.Inject
    StagewireConfig config;

    public record JobPage(List<Job> items, int page, int size, long total) {
    }

    /** The job if the caller may see it; another user's job is reported as missing. */
    public Uni<Job> visibleJob(Caller caller, String id) {
        return Job.<Job>findById(id).map(job -> {
            if (job == null || !caller.canSee(job.userId)) {
                throw ProblemException.notFound("job", id);
            }
            return job;
        });
    }

    /**
     * A page of the jobs the caller may see, newest first.
     *
     * @param statuses only jobs in one of these statuses; all when null
     * @param owner    only jobs of this owner; all the caller may see when null
     */
    public Uni<JobPage> list(Caller caller, Set<JobStatus> statuses, String owner, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (!caller.admin()) {
            where.append(" and userId = :user");
            params.and("user", caller.userId());
        }
        if (owner != null) {
            where.append(" and userId = :owner");
            params.and("owner", owner);
        }
        if (statuses != null) {
            where.append(" and status in :statuses");
            params.and("statuses", statuses);
            if (statuses.stream().noneMatch(JobStatus::isTerminal)) {
                // an active filter leaves out stale external jobs: updatedAt moves with every event they get
                where.append(" and not (kind = :external and updatedAt < :staleBefore)");
                params.and("external", JobKind.EXTERNAL)
                        .and("staleBefore", OffsetDateTime.now().minus(config.externalJobs().staleAfter()));
            }
        }
        PanacheQuery<Job> query = Job.find(where + " order by createdAt desc, id", params).page(Page.of(page, size));
        return query.list().chain(items -> query.count().map(total -> new JobPage(items, page, size, total)));
    }

    /**
     * Events of the job after {@code after} (all when null), in order, at most {@code limit}. Events job-api
     * has decided but not yet seen back from job.events have no position: they come last, in the order
     * they were recorded, on every page until they have one.
     */
    public Uni<List<JobEventRecord>> events(Caller caller, String jobId, EventPosition after, int limit) {
        return visibleJob(caller, jobId).chain(job -> {
            // The kind prunes the other kind's partitions (V6).
            boolean external = job.kind == JobKind.EXTERNAL;
            PanacheQuery<JobEventRecord> query = after == null
                    ? JobEventRecord.find("jobId = ?1 and externalJob = ?2 order by partition nulls last, offset, recordedAt, id",
                            jobId, external)
                    : JobEventRecord.find("jobId = ?1 and externalJob = ?4 and (partition is null or partition > ?2 or (partition = ?2 and offset > ?3))"
                                    + " order by partition nulls last, offset, recordedAt, id",
                            jobId, after.partition(), after.offset(), external);
            return query.page(Page.ofSize(limit)).list();
        });
    }

    public Uni<List<Screenshot>> screenshots(Caller caller, String jobId) {
        return visibleJob(caller, jobId).chain(job -> Screenshot.list("jobId = ?1 order by index nulls last, capturedAt, screenshotId", jobId));
    }

    public Uni<List<OcrResult>> ocrResults(Caller caller, String jobId) {
        return visibleJob(caller, jobId).chain(job -> OcrResult.list("jobId = ?1 order by recordedAt, screenshotId", jobId));
    }

    public Uni<List<Match>> matches(String jobId) {
        return Match.list("jobId = ?1", jobId);
    }

    public Uni<List<Label>> labels(Caller caller, String jobId) {
        return visibleJob(caller, jobId).chain(job -> Label.list("jobId = ?1 order by recordedAt, itemKey", jobId));
    }
}
