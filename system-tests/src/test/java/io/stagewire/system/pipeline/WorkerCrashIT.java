package io.stagewire.system.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.stagewire.system.GatewayConnection;
import io.stagewire.system.JobApi;
import io.stagewire.system.RunningStack;

/**
 * Issue 5, item 5: a worker killed (SIGKILL) in the middle of a job loses nothing. Its uncommitted work messages go to
 * its restarted self, whose name-based ids make the repeats land on the same rows, and the job completes with every
 * product exactly once.
 */
@ExtendWith(RunningStack.class)
class WorkerCrashIT {

    private static final int PRODUCTS = 12;
    private static final Duration TO_COMPLETE = Duration.ofMinutes(4);

    @ParameterizedTest(name = "{0} killed after its {2}. {1}")
    @CsvSource({"crawler-worker, screenshot:captured, 3", "ocr-worker, ocr:completed, 2", "label-worker, label:generated, 2"})
    void aJobCompletesWithEveryProductOnceWhenAWorkerIsKilledMidJob(String worker, String eventType, int after) {
        JobApi carol = JobApi.as("carol");
        String priceListId = carol.uploadDemoPriceList();
        try (GatewayConnection live = GatewayConnection.open(carol.token())) {
            live.subscribe("user:" + carol.sub());
            String jobId = carol.createDemoShopJob(priceListId, PRODUCTS);

            live.await(f -> jobId.equals(f.path("jobId").asText()) && countOf(live, jobId, eventType) >= after,
                    Duration.ofMinutes(2));
            RunningStack.kill(worker);
            RunningStack.startMissing();

            JsonNode end = live.await(f -> jobId.equals(f.path("jobId").asText())
                    && f.path("type").asText().matches("job:(completed|failed|cancelled)"), TO_COMPLETE);
            assertThat(end.path("type").asText()).as("how the job ended: %s", end).isEqualTo("job:completed");

            JsonNode summary = end.path("data");
            assertThat(summary.path("totalProducts").asInt()).isEqualTo(PRODUCTS);
            assertThat(summary.path("successfulOCR").asInt() + summary.path("failedOCR").asInt()).isEqualTo(PRODUCTS);
            assertThat(summary.path("labelsGenerated").asInt()).isEqualTo(summary.path("matched").asInt());

            // What job-api keeps: each product once, however often its work was redone.
            List<String> screenshots = carol.items(jobId, "screenshots").getList("productUrl");
            assertThat(screenshots).hasSize(PRODUCTS).doesNotHaveDuplicates();
            List<String> ocr = carol.items(jobId, "ocr-results").getList("screenshotId");
            assertThat(ocr).hasSize(PRODUCTS).doesNotHaveDuplicates();
            List<String> labels = carol.items(jobId, "labels").getList("screenshotId");
            assertThat(labels).hasSize(summary.path("labelsGenerated").asInt()).doesNotHaveDuplicates();
        }
    }

    private static long countOf(GatewayConnection live, String jobId, String type) {
        return live.eventsOf(jobId).stream().filter(e -> type.equals(e.path("type").asText())).count();
    }
}
