package io.stagewire.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.gateway.support.Events;
import io.stagewire.gateway.support.JobApiDouble;
import io.stagewire.gateway.support.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Subscribe and resume for a job the gateway has seen are served from its memory (issue 11): they
 * work with job-api down, and a resume inside the job's window reads no Kafka history.
 */
@QuarkusTest
@QuarkusTestResource(JobApiDouble.class)
class MemoryServedTest extends GatewayTest {

    @Test
    void snapshotAndResumeOfASeenJobWorkWithJobApiDown() throws Exception {
        String jobId = Events.newJobId();
        String bob = sub("bob");
        List<Events.Sent> sent = new ArrayList<>();
        sent.add(Events.progress(jobId, bob, 10));
        for (int i = 0; i < 5; i++) {
            sent.add(Events.notification(jobId, bob, "n" + i));
        }
        Events.Sent last = Events.progress(jobId, bob, 40);
        sent.add(last);
        awaitDispatched(ws(), jobId, last);
        double fromMemoryBefore = metric("stagewire_gateway_resumes_from_memory_total");
        JobApiDouble.setDown(true);
        try (WsClient fresh = connect("bob"); WsClient resumed = connect("bob")) {
            fresh.subscribe("job:" + jobId);
            JsonNode ok = subscribed(fresh, "job:" + jobId);
            assertThat(ok.path("position").asText()).isEqualTo(last.position());
            JsonNode snapshot = fresh.next(WAIT);
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("data").path("source").asText()).isEqualTo("gateway");
            assertThat(snapshot.path("data").path("progress").asInt()).isEqualTo(40);
            assertThat(snapshot.path("data").path("userId").asText()).isEqualTo(bob);

            resumed.subscribe("job:" + jobId, sent.get(0).position());
            assertThat(subscribed(resumed, "job:" + jobId).path("recovered").asBoolean()).isTrue();
            assertThat(ids(resumed.events("job:" + jobId, sent.size() - 1, WAIT)))
                    .containsExactlyElementsOf(sent.subList(1, sent.size()).stream().map(Events.Sent::id).toList());
            assertThat(metric("stagewire_gateway_resumes_from_memory_total")).isEqualTo(fromMemoryBefore + 1);

            Events.Sent live = Events.notification(jobId, bob, "live");
            assertThat(ids(fresh.events("job:" + jobId, 1, WAIT))).containsExactly(live.id());
            assertThat(ids(resumed.events("job:" + jobId, 1, WAIT))).containsExactly(live.id());
            assertThat(resumed.drain(Duration.ofMillis(300))).isEmpty();
        } finally {
            JobApiDouble.setDown(false);
        }
    }

    @Test
    void aUserSnapshotComesFromMemoryWithJobApiDownAndLiveContinuesExactlyAtItsSeam() throws Exception {
        // issue 11: user channels like job channels — the gateway's own state, read at the seam, no job-api call.
        String bob = sub("bob");
        String running = Events.newJobId();
        String cancelled = Events.newJobId();
        Events.progress(running, bob, 30);
        Events.progress(cancelled, bob, 10);
        Events.Sent end = Events.send(StageEvent.of(EventType.JOB_CANCELLED, "/stagewire/test", cancelled, bob, StageEventJson.object()));
        Events.Sent runningAt = Events.progress(running, bob, 35);
        awaitDispatched(ws(), cancelled, end);
        awaitDispatched(ws(), running, runningAt);
        double fromMemoryBefore = metric("stagewire_gateway_snapshots_from_memory_total");
        JobApiDouble.setDown(true);
        try (WsClient client = connect("bob")) {
            client.subscribe("user:" + bob);
            JsonNode ok = subscribed(client, "user:" + bob);
            assertThat(ok.path("recovered").asBoolean()).isTrue();
            JsonNode snapshot = client.next(WAIT);
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            List<JsonNode> items = new ArrayList<>();
            snapshot.path("data").path("items").forEach(items::add);
            JsonNode mine = items.stream().filter(item -> item.path("id").asText().equals(running)).findFirst().orElseThrow();
            assertThat(mine.path("source").asText()).isEqualTo("gateway");
            assertThat(mine.path("progress").asInt()).isEqualTo(35);
            assertThat(items).noneMatch(item -> item.path("id").asText().equals(cancelled));
            assertThat(items).allMatch(item -> item.path("userId").asText().equals(bob));
            assertThat(metric("stagewire_gateway_snapshots_from_memory_total")).isEqualTo(fromMemoryBefore + 1);

            // Nothing the snapshot reflects comes again; everything after it comes once.
            Events.Sent live = Events.progress(running, bob, 40);
            List<JsonNode> next = client.events("user:" + bob, 1, WAIT);
            assertThat(ids(next)).containsExactly(live.id());
            assertThat(client.drain(Duration.ofMillis(300))).noneMatch(frame -> frame.path("jobId").asText().equals(running));

            // Its position resumes exactly.
            try (WsClient again = connect("bob")) {
                again.subscribe("user:" + bob, snapshot.path("position").asText());
                assertThat(subscribed(again, "user:" + bob).path("recovered").asBoolean()).isTrue();
                List<JsonNode> replayed = again.events("user:" + bob, 1, WAIT);
                assertThat(ids(replayed)).containsExactly(live.id());
            }
        } finally {
            JobApiDouble.setDown(false);
        }
    }

    private double metric(String name) throws Exception {
        // A scrape once went unanswered for 30 minutes with no gateway thread serving it: a timeout, and HTTP/1.1
        // rather than the JDK client's h2c upgrade attempt.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String text = client.send(HttpRequest.newBuilder(URI.create(base + "q/metrics")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
