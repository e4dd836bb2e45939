package io.stagewire.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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

    private double metric(String name) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
