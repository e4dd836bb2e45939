package io.stagewire.jobapi.service;

import io.stagewire.jobapi.persistence.JobKind;
import io.stagewire.jobapi.persistence.JobStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Where a job stands, computed from what its items reached. Pure: the same inputs always give
 * the same answer, which is what makes a redelivered or reordered event harmless.
 *
 * <p>A crawl job's items flow crawl, OCR, match, render; an item leaves the pipeline early when
 * its OCR fails or it matches nothing. An extraction only has the OCR stage.
 */
public final class JobLifecycle {
    // Weights of the stages in the overall progress of a crawl job; they add up to 1.
    static final double CRAWL_WEIGHT = 0.25;
    static final double OCR_WEIGHT = 0.35;
    static final double MATCH_WEIGHT = 0.10;
    static final double RENDER_WEIGHT = 0.30;

    /**
     * @param expectedItems maxProducts while crawling; the crawl's count once final; the image count of an extraction
     * @param itemsFinal    expectedItems will not change any more
     */
    public record Inputs(JobKind kind, boolean workStarted, boolean itemsFinal, int expectedItems, ItemCounts counts) {

        /** Items the job will handle: never fewer than have been seen (events may overtake the count). */
        int items() {
            return Math.max(expectedItems, counts.screenshots());
        }
    }

    private JobLifecycle() {
    }

    /** The status the items say the job is in: COMPLETED or FAILED when every item is through. */
    public static JobStatus statusOf(Inputs in) {
        ItemCounts c = in.counts();
        if (!in.workStarted()) {
            return JobStatus.PENDING;
        }
        if (in.kind() == JobKind.EXTRACTION) {
            return c.ocrDone() < in.items() ? JobStatus.PROCESSING_OCR : finished(in);
        }
        if (!in.itemsFinal()) {
            return JobStatus.CRAWLING;
        }
        if (c.ocrDone() < in.items()) {
            return JobStatus.PROCESSING_OCR;
        }
        if (c.matchDone() < c.ocrCompleted()) {
            return JobStatus.MATCHING;
        }
        if (c.labelsDone() < c.matched()) {
            return JobStatus.RENDERING;
        }
        return finished(in);
    }

    /** Why a job whose items are all through failed, or empty when it completed. */
    public static Optional<String> failureOf(Inputs in) {
        ItemCounts c = in.counts();
        if (in.items() == 0) {
            return Optional.of("the crawl found no products");
        }
        if (in.kind() == JobKind.EXTRACTION) {
            return c.ocrCompleted() == 0
                    ? Optional.of("no image could be read (" + c.ocrFailed() + " OCR failures)")
                    : Optional.empty();
        }
        return c.labelsGenerated() == 0
                ? Optional.of("no label could be produced: " + c.ocrFailed() + " OCR failures, " + c.unmatched()
                        + " unmatched, " + c.labelsFailed() + " label failures")
                : Optional.empty();
    }

    /** Overall progress 0-100 with two decimals, by stage weights. */
    public static BigDecimal progressOf(Inputs in) {
        ItemCounts c = in.counts();
        int items = in.items();
        double progress;
        if (in.kind() == JobKind.EXTRACTION) {
            progress = items == 0 ? 1 : (double) c.ocrDone() / items;
        } else if (items == 0) {
            progress = in.itemsFinal() ? 1 : 0;
        } else {
            double crawl = in.itemsFinal() ? 1 : (double) c.screenshots() / items;
            double ocr = (double) c.ocrDone() / items;
            // Items that dropped out earlier count as done for the later stages.
            double match = (double) (c.matchDone() + c.ocrFailed()) / items;
            double render = (double) (c.labelsDone() + c.ocrFailed() + c.unmatched()) / items;
            progress = CRAWL_WEIGHT * crawl + OCR_WEIGHT * ocr + MATCH_WEIGHT * match + RENDER_WEIGHT * render;
        }
        return BigDecimal.valueOf(Math.min(1, Math.max(0, progress)) * 100).setScale(2, RoundingMode.DOWN);
    }

    private static JobStatus finished(Inputs in) {
        return failureOf(in).isPresent() ? JobStatus.FAILED : JobStatus.COMPLETED;
    }
}
