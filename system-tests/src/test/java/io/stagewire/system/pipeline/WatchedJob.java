package io.stagewire.system.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.system.GatewayConnection;
import io.stagewire.system.GatewayDiagnostics;
import io.stagewire.system.JobApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A demo-shop job and a client watching it live on its owner's {@code user:} channel, for the chaos tests: whatever
 * fault hits the stack meanwhile, the job must complete with each product once in job-api, and the client must end
 * with exactly the job's history, each event once, in order.
 */
final class WatchedJob implements AutoCloseable {
    private static final Duration TO_COMPLETE = Duration.ofMinutes(4);

    private final JobApi owner;
    private final String channel;
    private final int products;
    private final List<JsonNode> beforeReconnect = new ArrayList<>();
    private GatewayConnection live;
    private String jobId;

    private WatchedJob(JobApi owner, int products) {
        this.owner = owner;
        this.products = products;
        this.channel = "user:" + owner.sub();
    }

    /** Subscribes to the owner's channel, then creates the job, so the client sees it from its first event. */
    static WatchedJob start(JobApi owner, int products) {
        String priceListId = owner.uploadDemoPriceList();
        WatchedJob watched = new WatchedJob(owner, products);
        watched.live = GatewayConnection.open(owner.token());
        watched.live.subscribe(watched.channel);
        watched.jobId = owner.createDemoShopJob(priceListId, products);
        return watched;
    }

    /** Waits until the client got {@code count} events of {@code type} of the job. */
    void awaitEvents(String type, int count) {
        live.await(f -> jobId.equals(f.path("jobId").asText()) && ofKind(type) >= count, Duration.ofMinutes(2));
    }

    /** The connection died with the gateway: a new one resumes after the last event the client got. Returns its answer. */
    JsonNode reconnect() {
        beforeReconnect.addAll(live.eventsOf(jobId));
        String since = live.lastPosition(channel);
        live.close();
        live = GatewayConnection.open(owner.token());
        live.subscribe(channel, since);
        return live.frames().getFirst();
    }

    /** Events of the job on the current connection whose type matches {@code types} (a regular expression). */
    long ofKind(String types) {
        return live.eventsOf(jobId).stream().filter(e -> e.path("type").asText().matches(types)).count();
    }

    /** Waits for one more event of {@code types} than {@code before}; fails saying what the connection got instead. */
    void awaitMore(String types, long before, String after) {
        try {
            live.await(f -> ofKind(types) > before, Duration.ofMinutes(2));
        } catch (ConditionTimeoutException e) {
            // What the connection got instead (subscribed with recovered, errors) says where the events went.
            throw new AssertionError("no event of " + types + " for " + jobId + " after " + after + "; frames other than events: "
                    + live.frames().stream().filter(f -> !f.has("jobId") || !f.has("position")).toList()
                    + "; event frames on this connection: " + live.frames().stream().filter(f -> f.has("jobId") && f.has("position")).count()
                    + "; job-api's history of the job: " + historySize() + " events (the client got " + beforeReconnect.size()
                    + " before reconnecting), the job " + owner.job(jobId).getString("status")
                    + GatewayDiagnostics.describe(), e);
        }
    }

    private String historySize() {
        try {
            return Integer.toString(owner.historyIds(jobId).size());
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Waits for the job to end; it must complete, each product once in job-api, the client holding its exact history. */
    void assertCompletesWithEveryEventOnce() {
        JsonNode end = live.await(f -> jobId.equals(f.path("jobId").asText())
                && f.path("type").asText().matches("job:(completed|failed|cancelled)"), TO_COMPLETE);
        assertThat(end.path("type").asText()).as("how the job ended: %s", end).isEqualTo("job:completed");

        JsonNode summary = end.path("data");
        assertThat(summary.path("totalProducts").asInt()).isEqualTo(products);
        assertThat(summary.path("successfulOCR").asInt() + summary.path("failedOCR").asInt()).isEqualTo(products);
        assertThat(summary.path("labelsGenerated").asInt()).isEqualTo(summary.path("matched").asInt());

        // What job-api keeps: each product once, however often its work was redone.
        List<String> screenshots = owner.items(jobId, "screenshots").getList("productUrl");
        assertThat(screenshots).hasSize(products).doesNotHaveDuplicates();
        List<String> ocr = owner.items(jobId, "ocr-results").getList("screenshotId");
        assertThat(ocr).hasSize(products).doesNotHaveDuplicates();
        List<String> labels = owner.items(jobId, "labels").getList("screenshotId");
        assertThat(labels).hasSize(summary.path("labelsGenerated").asInt()).doesNotHaveDuplicates();

        // What the client saw: the job's whole history, each event once, in order. job:completed is job-api's last
        // word; the history lists it once it came back from the bus.
        List<JsonNode> received = new ArrayList<>(beforeReconnect);
        received.addAll(live.eventsOf(jobId));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> owner.historyIds(jobId).contains(end.path("id").asText()));
        List<String> history = owner.historyIds(jobId);
        List<String> ids = received.stream().map(f -> f.path("id").asText()).toList();
        // The history is in position order: equal lists are every event, once, in order.
        assertThat(ids).as("events the client received").doesNotHaveDuplicates().containsExactlyElementsOf(history);
    }

    @Override
    public void close() {
        live.close();
    }
}
