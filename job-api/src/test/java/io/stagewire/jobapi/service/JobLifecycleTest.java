package io.stagewire.jobapi.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewire.jobapi.persistence.JobKind;
import io.stagewire.jobapi.persistence.JobStatus;
import org.junit.jupiter.api.Test;

/** The status and progress a job's item counts stand for. */
class JobLifecycleTest {

    private static JobLifecycle.Inputs crawl(boolean started, boolean itemsFinal, int expected, ItemCounts counts) {
        return new JobLifecycle.Inputs(JobKind.CRAWL, started, itemsFinal, expected, counts);
    }

    @Test
    void statusFollowsTheFirstStageWithWorkLeft() {
        assertThat(JobLifecycle.statusOf(crawl(false, false, 10, ItemCounts.NONE))).isEqualTo(JobStatus.PENDING);
        assertThat(JobLifecycle.statusOf(crawl(true, false, 10, new ItemCounts(4, 4, 0, 4, 0, 4, 0)))).isEqualTo(JobStatus.CRAWLING);
        assertThat(JobLifecycle.statusOf(crawl(true, true, 3, new ItemCounts(3, 2, 0, 2, 0, 2, 0)))).isEqualTo(JobStatus.PROCESSING_OCR);
        assertThat(JobLifecycle.statusOf(crawl(true, true, 3, new ItemCounts(3, 2, 1, 1, 0, 1, 0)))).isEqualTo(JobStatus.MATCHING);
        assertThat(JobLifecycle.statusOf(crawl(true, true, 3, new ItemCounts(3, 3, 0, 2, 1, 1, 0)))).isEqualTo(JobStatus.RENDERING);
        assertThat(JobLifecycle.statusOf(crawl(true, true, 3, new ItemCounts(3, 3, 0, 2, 1, 1, 1)))).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void aCountThatOvertakesTheScreenshotEventsWaitsForThem() {
        // crawl:completed said 3, but only 2 screenshot events arrived so far
        assertThat(JobLifecycle.statusOf(crawl(true, true, 3, new ItemCounts(2, 2, 0, 2, 0, 2, 0)))).isEqualTo(JobStatus.PROCESSING_OCR);
    }

    @Test
    void nothingProducedIsAFailureWithTheReason() {
        JobLifecycle.Inputs allFailed = crawl(true, true, 2, new ItemCounts(2, 1, 1, 0, 1, 0, 0));
        assertThat(JobLifecycle.statusOf(allFailed)).isEqualTo(JobStatus.FAILED);
        assertThat(JobLifecycle.failureOf(allFailed)).contains("no label could be produced: 1 OCR failures, 1 unmatched, 0 label failures");
        assertThat(JobLifecycle.failureOf(crawl(true, true, 0, ItemCounts.NONE))).contains("the crawl found no products");
    }

    @Test
    void progressWeighsTheStages() {
        assertThat(JobLifecycle.progressOf(crawl(true, false, 10, ItemCounts.NONE))).isEqualByComparingTo("0");
        // half the products captured: half of the crawl's 25 %
        assertThat(JobLifecycle.progressOf(crawl(true, false, 10, new ItemCounts(5, 0, 0, 0, 0, 0, 0)))).isEqualByComparingTo("12.50");
        // crawl done, all OCR done, one of two OCR'd items failed: it counts as through for matching and rendering
        assertThat(JobLifecycle.progressOf(crawl(true, true, 2, new ItemCounts(2, 1, 1, 0, 0, 0, 0)))).isEqualByComparingTo("80.00");
        assertThat(JobLifecycle.progressOf(crawl(true, true, 2, new ItemCounts(2, 2, 0, 2, 0, 2, 0)))).isEqualByComparingTo("100.00");
        assertThat(JobLifecycle.progressOf(new JobLifecycle.Inputs(JobKind.EXTRACTION, true, true, 4, new ItemCounts(4, 1, 0, 0, 0, 0, 0))))
                .isEqualByComparingTo("25.00");
    }

    @Test
    void statusesOnlyMoveForward() {
        assertThat(JobStatus.MATCHING.atLeast(JobStatus.CRAWLING)).isEqualTo(JobStatus.MATCHING);
        assertThat(JobStatus.CRAWLING.atLeast(JobStatus.RENDERING)).isEqualTo(JobStatus.RENDERING);
    }
}
