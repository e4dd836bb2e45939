package io.stagewire.jobapi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.work.CrawlRequest;
import io.stagewire.events.work.CrawlerConfig;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobKind;
import io.stagewire.jobapi.persistence.JobStatus;
import io.stagewire.jobapi.persistence.LabelTemplate;
import io.stagewire.jobapi.persistence.PriceList;
import io.stagewire.jobapi.persistence.Screenshot;
import io.stagewire.jobapi.persistence.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.hibernate.exception.LockAcquisitionException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.stagewire.events.data.JobCreated;

/**
 * Creates jobs. The job row, its job:created event and its work messages are written in one
 * transaction through the outbox: after a crash either all of them exist or none (docs/outbox.md).
 */
@ApplicationScoped
public class JobCreation {
    private final Outbox outbox;
    private final OutboxDelivery delivery;
    private final JobQuota quota;

    JobCreation(Outbox outbox, OutboxDelivery delivery, JobQuota quota) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.quota = quota;
    }

    /** An image of an extraction, already checked to be PNG or JPEG. */
    public record UploadedImage(String fileName, String contentType, byte[] bytes) {
    }

    /** Creates the job with its job:created event and crawl request, and has them sent once committed. */
    // A deadlock with history maintenance (a partition created while this inserts into job_events) or with another
    // writer of the job is worth another try of the whole transaction; it changed nothing.
    @Retry(maxRetries = 3, delay = 50, jitter = 50, retryOn = LockAcquisitionException.class)
    public Uni<Job> createCrawl(Caller caller, NewCrawlJob request) {
        return Panache.withTransaction(() -> checkReferences(caller, request.templateId(), request.priceListId()).chain(() -> {
            CrawlerConfig config = request.crawlerConfig();
            Job job = newJob(caller, JobKind.CRAWL);
            job.shopUrl = request.shopUrl();
            job.templateId = request.templateId();
            job.priceListId = request.priceListId();
            job.crawlerConfig = config;
            job.expectedItems = config.maxProducts();
            JobCreated created = new JobCreated(job.status.wireName(), job.kind.wireName(), job.shopUrl, job.templateId,
                    job.priceListId, StageEventJson.mapper().valueToTree(config), null);
            return job.persist()
                    .chain(() -> outbox.event(job.id, job.userId, created))
                    .chain(() -> outbox.work(new CrawlRequest(UUID.randomUUID().toString(), job.id, job.userId, job.shopUrl,
                            job.templateId, job.priceListId, config)))
                    .chain(() -> quota.admitWritten(caller))
                    .replaceWith(job);
        })).invoke(delivery::deliverInBackground);
    }

    /** An OCR-only job: each image is stored as a file and a screenshot, and sent to OCR. */
    // A deadlock with history maintenance (a partition created while this inserts into job_events) or with another
    // writer of the job is worth another try of the whole transaction; it changed nothing.
    @Retry(maxRetries = 3, delay = 50, jitter = 50, retryOn = LockAcquisitionException.class)
    public Uni<Job> createExtraction(Caller caller, List<UploadedImage> images) {
        return Panache.withTransaction(() -> {
            Job job = newJob(caller, JobKind.EXTRACTION);
            job.expectedItems = images.size();
            job.itemsFinal = true;
            JobCreated created = new JobCreated(job.status.wireName(), job.kind.wireName(), null, null, null, null,
                    images.size());
            return job.persist()
                    .chain(() -> outbox.event(job.id, job.userId, created))
                    .chain(() -> Multi.createFrom().range(0, images.size())
                            .onItem().transformToUniAndConcatenate(index -> addImage(job, index, images.get(index)))
                            .collect().last())
                    .chain(() -> quota.admitWritten(caller))
                    .replaceWith(job);
        }).invoke(delivery::deliverInBackground);
    }

    private Uni<Void> addImage(Job job, int index, UploadedImage image) {
        StoredFile file = new StoredFile();
        file.id = UUID.randomUUID().toString();
        file.userId = job.userId;
        file.jobId = job.id;
        file.kind = StoredFile.KIND_UPLOAD;
        file.contentType = image.contentType();
        file.fileName = image.fileName();
        file.data = image.bytes();
        file.createdAt = job.createdAt;
        Screenshot screenshot = new Screenshot();
        screenshot.jobId = job.id;
        screenshot.screenshotId = UUID.randomUUID().toString();
        screenshot.fileId = file.id;
        screenshot.productName = image.fileName();
        screenshot.index = index;
        screenshot.capturedAt = job.createdAt;
        return file.persist().chain(screenshot::persist)
                .chain(() -> outbox.work(new OcrRequest(UUID.randomUUID().toString(), job.id, job.userId,
                        screenshot.screenshotId, file.id, null, null, true)));
    }

    private Uni<Void> checkReferences(Caller caller, String templateId, String priceListId) {
        List<FieldError> errors = new ArrayList<>();
        Uni<Void> template = LabelTemplate.findVisible(templateId, caller.userId()).invoke(found -> {
            if (found == null) {
                errors.add(FieldError.field("templateId", "no label template '" + templateId + "'"));
            }
        }).replaceWithVoid();
        Uni<Void> priceList = priceListId == null ? Uni.createFrom().voidItem()
                : PriceList.<PriceList>findById(priceListId).invoke(found -> {
                    // Someone else's price list is reported exactly like a missing one.
                    if (found == null || !found.userId.equals(caller.userId())) {
                        errors.add(FieldError.field("priceListId", "no price list '" + priceListId + "'"));
                    }
                }).replaceWithVoid();
        return template.chain(() -> priceList).chain(() -> errors.isEmpty()
                ? Uni.createFrom().voidItem() : Uni.createFrom().failure(ProblemException.invalid(errors)));
    }

    private static Job newJob(Caller caller, JobKind kind) {
        OffsetDateTime now = OffsetDateTime.now();
        Job job = new Job();
        job.id = UUID.randomUUID().toString();
        job.userId = caller.userId();
        job.kind = kind;
        job.status = JobStatus.PENDING;
        job.stage = JobStatus.PENDING.stage().orElseThrow();
        job.statusSince = now;
        job.createdAt = now;
        job.updatedAt = now;
        return job;
    }
}
