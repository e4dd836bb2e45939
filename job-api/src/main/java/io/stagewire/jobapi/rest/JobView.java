package io.stagewire.jobapi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventPosition;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobKind;
import io.stagewire.jobapi.persistence.JobStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A job as the API shows it: a snapshot that live events continue from {@code position} on. */
@Schema(name = "Job")
public record JobView(
        String id,
        @Schema(description = "Owner (OIDC sub)") String userId,
        @Schema(description = "crawl, extraction, or external (a job of another system seen on job.events)") JobKind kind,
        JobStatus status,
        @Schema(description = "Pipeline stage: queue, crawl, ocr, match, render, done; failed and cancelled jobs keep the stage they stopped in")
        String stage,
        @Schema(description = "Overall progress 0-100, by stage weights") BigDecimal progress,
        @Schema(description = "Items by outcome: screenshots, ocrCompleted, ocrFailed, matched, unmatched, labelsGenerated, labelsFailed")
        JsonNode counters,
        @Schema(description = "Items the job will handle: maxProducts until the crawl reports its count") int expectedItems,
        @Schema(description = "Place in the queue of waiting crawl jobs, 0 is next; null when not waiting") Integer queuePosition,
        String shopUrl,
        String templateId,
        String priceListId,
        JsonNode crawlerConfig,
        @Schema(description = "Why the job failed") String failureReason,
        @Schema(description = "The job:completed summary, once completed") JsonNode summary,
        @Schema(description = "Position on job.events of the last event applied (opaque resume token); null before the first")
        String position,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "True for an external job not finished but without an event for stagewire.external-jobs.stale-after; not counted as active")
        boolean stale) {

    /** A job just created or changed by this request: never stale. */
    public static JobView of(Job job) {
        return of(job, null);
    }

    /** A job as read; an unfinished external job last updated before {@code staleBefore} is flagged stale. */
    public static JobView of(Job job, OffsetDateTime staleBefore) {
        boolean stale = staleBefore != null && job.kind == JobKind.EXTERNAL && !job.status.isTerminal()
                && job.updatedAt != null && job.updatedAt.isBefore(staleBefore);
        return new JobView(job.id, job.userId, job.kind, job.status, job.stage, job.progress, Json.treeOf(job.counters),
                job.expectedItems, job.queuePosition, job.shopUrl, job.templateId, job.priceListId,
                Json.treeOf(job.crawlerConfig), job.failureReason, job.summary,
                job.position().map(EventPosition::toString).orElse(null), job.createdAt, job.updatedAt, job.finishedAt, stale);
    }
}
