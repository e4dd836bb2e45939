package io.stagewire.jobapi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.work.CrawlRequest;
import io.stagewire.events.work.CrawlerConfig;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobKind;
import io.stagewire.jobapi.persistence.JobStatus;
import io.stagewire.jobapi.persistence.Label;
import io.stagewire.jobapi.persistence.LabelStatus;
import io.stagewire.jobapi.persistence.OcrResult;
import io.stagewire.jobapi.persistence.OcrStatus;
import io.stagewire.jobapi.persistence.Screenshot;
import io.stagewire.jobapi.persistence.ScreenshotKey;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.hibernate.exception.LockAcquisitionException;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/** Cancel and retry: what a user asks of a running or finished job. */
@ApplicationScoped
public class JobCommands {
    private final JobTransitions transitions;
    private final ItemCounter counter;
    private final Outbox outbox;
    private final OutboxDelivery delivery;

    JobCommands(JobTransitions transitions, ItemCounter counter, Outbox outbox, OutboxDelivery delivery) {
        this.transitions = transitions;
        this.counter = counter;
        this.outbox = outbox;
        this.delivery = delivery;
    }

    /**
     * Cancels the job: job:cancelled is its last event. Workers see the status before their next
     * item (docs/work-messages.md) and produce no more work for it.
     */
    // A deadlock with history maintenance (a partition created while this inserts into job_events) or with another
    // writer of the job is worth another try of the whole transaction; it changed nothing.
    @Retry(maxRetries = 3, delay = 50, jitter = 50, retryOn = LockAcquisitionException.class)
    public Uni<Job> cancel(Caller caller, String jobId) {
        return Panache.withTransaction(() -> lockedOwnJob(caller, jobId).chain(job -> {
            if (job.status.isTerminal()) {
                return Uni.createFrom().failure(ProblemException.conflict("job '" + jobId + "' is already " + job.status));
            }
            return transitions.cancel(job, caller.userId()).replaceWith(job);
        })).invoke(delivery::deliverInBackground);
    }

    /**
     * Sends the failed items of a finished job to the workers again: a failed crawl as a new crawl
     * request, failed OCR as OCR requests, failed labels as label requests. What succeeded stays.
     */
    // A deadlock with history maintenance (a partition created while this inserts into job_events) or with another
    // writer of the job is worth another try of the whole transaction; it changed nothing.
    @Retry(maxRetries = 3, delay = 50, jitter = 50, retryOn = LockAcquisitionException.class)
    public Uni<Job> retry(Caller caller, String jobId) {
        return Panache.withTransaction(() -> lockedOwnJob(caller, jobId).chain(job -> {
            if (job.status != JobStatus.COMPLETED && job.status != JobStatus.FAILED) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "only a completed or failed job can be retried; job '" + jobId + "' is " + job.status));
            }
            if (job.kind == JobKind.CRAWL && !job.itemsFinal) {
                return retryCrawl(job);
            }
            return retryItems(job);
        })).invoke(delivery::deliverInBackground);
    }

    private Uni<Job> retryCrawl(Job job) {
        CrawlerConfig config = job.crawlerConfig;
        job.workStarted = false;
        job.expectedItems = config.maxProducts();
        return transitions.reopen(job, JobStatus.PENDING)
                .chain(() -> outbox.work(new CrawlRequest(UUID.randomUUID().toString(), job.id, job.userId, job.shopUrl,
                        job.templateId, job.priceListId, config)))
                .replaceWith(job);
    }

    private Uni<Job> retryItems(Job job) {
        Uni<List<OcrResult>> failedOcr = OcrResult.list("jobId = ?1 and status = ?2", job.id, OcrStatus.FAILED);
        Uni<List<Label>> failedLabels = Label.list("jobId = ?1 and status = ?2 and screenshotId is not null", job.id, LabelStatus.FAILED);
        return failedOcr.chain(ocr -> failedLabels.chain(labels -> {
            if (ocr.isEmpty() && labels.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.conflict("job '" + job.id + "' has no failed items to retry"));
            }
            return Multi.createFrom().iterable(ocr).onItem().transformToUniAndConcatenate(r -> resendOcr(job, r)).collect().last()
                    .chain(() -> Multi.createFrom().iterable(labels).onItem().transformToUniAndConcatenate(l -> resendLabel(job, l))
                            .collect().last())
                    .chain(() -> itemsBackInFlight(job));
        }));
    }

    /**
     * After items were sent to the workers again (their later rows deleted): counts them anew and reopens a finished
     * job to the status its items say, announced as job:updated. A running job only gets its new counts.
     */
    Uni<Job> itemsBackInFlight(Job job) {
        return Panache.flush()
                .chain(() -> counter.count(job.id))
                .chain(counts -> {
                    JobLifecycle.Inputs in = new JobLifecycle.Inputs(job.kind, true, job.itemsFinal, job.expectedItems, counts);
                    job.progress = JobLifecycle.progressOf(in);
                    job.counters = counts.asMap();
                    return job.status.isTerminal() ? transitions.reopen(job, JobLifecycle.statusOf(in))
                            : Uni.createFrom().voidItem();
                })
                .replaceWith(job);
    }

    private Uni<Void> resendOcr(Job job, OcrResult failed) {
        return Screenshot.<Screenshot>findById(new ScreenshotKey(job.id, failed.screenshotId))
                .chain(screenshot -> failed.delete().chain(() -> outbox.work(new OcrRequest(UUID.randomUUID().toString(),
                        job.id, job.userId, failed.screenshotId, screenshot.fileId, job.templateId, job.priceListId,
                        job.kind == JobKind.EXTRACTION))));
    }

    private Uni<Void> resendLabel(Job job, Label failed) {
        return OcrResult.<OcrResult>findById(new ScreenshotKey(job.id, failed.screenshotId))
                .chain(ocr -> failed.delete().chain(() -> outbox.work(new LabelRequest(UUID.randomUUID().toString(),
                        job.id, job.userId, failed.screenshotId, job.templateId, job.priceListId,
                        ocr == null ? failed.articleNumber : ocr.articleNumber, ocr == null ? null : ocr.name,
                        ocr == null ? null : ocr.price, ocr == null ? null : ocr.currency, ocr == null ? null : ocr.ean,
                        ocr == null ? null : ocr.previousPrice, ocr == null ? null : ocr.pricePrefix))));
    }

    /** The job, locked for writing, if the caller may change it: 404 for one they cannot see, 409 for another system's. */
    static Uni<Job> lockedOwnJob(Caller caller, String jobId) {
        return Job.<Job>findById(jobId, LockModeType.PESSIMISTIC_WRITE).map(job -> {
            if (job == null || !caller.canSee(job.userId)) {
                throw ProblemException.notFound("job", jobId);
            }
            if (job.kind == JobKind.EXTERNAL) {
                throw ProblemException.conflict("job '" + jobId + "' belongs to another system, which decides about it");
            }
            return job;
        });
    }
}
