package io.stagewire.system.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.system.GatewayConnection;
import io.stagewire.system.JobApi;
import io.stagewire.system.RunningStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chaos on every service (issues 5 and 16): while a job runs and a client watches it live, one service is killed
 * (SIGKILL: no shutdown hook, no offset commit) and started again. The job completes with every product exactly once
 * in job-api's tables, and the client — which resumes with the last position it got when the gateway itself is the
 * one killed — ends with every event of the job's history exactly once, in order. A worker's uncommitted work goes to
 * its restarted self, whose name-based ids land repeats on the same rows; job-api's outbox sends after restart what
 * it had committed; the gateway serves the resume from its refilled window. Prints the time each fault took to heal.
 */
@ExtendWith(RunningStack.class)
class ServiceCrashIT {

    private static final int PRODUCTS = 12;
    private static final Duration TO_COMPLETE = Duration.ofMinutes(4);

    @ParameterizedTest(name = "{0} killed after the job's {2}. {1}")
    @CsvSource({"crawler-worker, screenshot:captured, 3", "ocr-worker, ocr:completed, 2", "label-worker, label:generated, 2",
            "job-api, screenshot:captured, 4", "progress-gateway, ocr:completed, 3"})
    void aJobCompletesAndItsWatcherGetsEveryEventOnceWhenAServiceIsKilledMidJob(String service, String eventType, int after) {
        JobApi carol = JobApi.as("carol");
        String priceListId = carol.uploadDemoPriceList();
        String channel = "user:" + carol.sub();
        List<JsonNode> received = new ArrayList<>();
        GatewayConnection live = GatewayConnection.open(carol.token());
        try {
            live.subscribe(channel);
            String jobId = carol.createDemoShopJob(priceListId, PRODUCTS);
            GatewayConnection watching = live;
            watching.await(f -> jobId.equals(f.path("jobId").asText()) && countOf(watching, jobId, eventType) >= after,
                    Duration.ofMinutes(2));

            long killed = System.nanoTime();
            RunningStack.kill(service);
            RunningStack.startMissing();
            long back = System.nanoTime();
            if (service.equals("progress-gateway")) {
                // The connection died with the gateway: a new one resumes after the last event the client got.
                received.addAll(live.eventsOf(jobId));
                String since = live.lastPosition(channel);
                live.close();
                live = GatewayConnection.open(carol.token());
                live.subscribe(channel, since);
                System.out.printf("ServiceCrashIT: resumed %s with %s: %s%n", channel, since, live.frames().getFirst());
            }
            GatewayConnection resumed = live;
            // Healed: an event of the killed service's kind reaches the client again (for the gateway: any, resumed).
            String types = switch (service) {
                case "crawler-worker" -> "screenshot:captured|crawl:.*";
                case "ocr-worker" -> "ocr:.*";
                case "label-worker" -> "match:.*|label:.*";
                case "job-api" -> "job:.*|queue:position";
                default -> ".*";
            };
            long ofItsKindBefore = ofKind(resumed, jobId, types);
            try {
                resumed.await(f -> ofKind(resumed, jobId, types) > ofItsKindBefore, Duration.ofMinutes(2));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // What the connection got instead (subscribed with recovered, errors) says where the events went.
                throw new AssertionError("no event of " + types + " for " + jobId + " after the " + service + " came back; frames: "
                        + resumed.frames().stream().filter(f -> !f.has("jobId") || !f.has("position")).toList(), e);
            }
            long healed = System.nanoTime();
            System.out.printf("ServiceCrashIT: %s killed; ready again after %.1f s, its next event reached the client after %.1f s%n",
                    service, (back - killed) / 1e9, (healed - killed) / 1e9);

            JsonNode end = resumed.await(f -> jobId.equals(f.path("jobId").asText())
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

            // What the client saw: the job's whole history, each event once, in order. job:completed is job-api's last
            // word; the history lists it once it came back from the bus.
            received.addAll(resumed.eventsOf(jobId));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> carol.historyIds(jobId).contains(end.path("id").asText()));
            List<String> history = carol.historyIds(jobId);
            List<String> ids = received.stream().map(f -> f.path("id").asText()).toList();
            // The history is in position order: equal lists are every event, once, in order.
            assertThat(ids).as("events the client received").doesNotHaveDuplicates().containsExactlyElementsOf(history);
        } finally {
            live.close();
        }
    }

    private static long ofKind(GatewayConnection live, String jobId, String types) {
        return live.eventsOf(jobId).stream().filter(e -> e.path("type").asText().matches(types)).count();
    }

    private static long countOf(GatewayConnection live, String jobId, String type) {
        return live.eventsOf(jobId).stream().filter(e -> type.equals(e.path("type").asText())).count();
    }
}
