package io.stagewire.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.gateway.support.Events;
import io.stagewire.gateway.support.JobApiDouble;
import io.stagewire.gateway.support.RawWsClient;
import io.stagewire.gateway.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading is closed with 4008 once its queue passes the bound, without
 * slowing a healthy client on the same job; it resumes from its last position and misses nothing.
 */
@QuarkusTest
@QuarkusTestResource(JobApiDouble.class)
class SlowConsumerTest extends GatewayTest {

    @Test
    void slowClientIsClosedWith4008OthersGetEverythingAndResumeIsExact() throws Exception {
        String jobId = Events.newJobId();
        String bob = sub("bob");
        JobApiDouble.putJob(jobId, bob, "running", null);
        List<String> sent = new ArrayList<>();
        try (RawWsClient slow = new RawWsClient(ws(), token("bob"), 16 * 1024); WsClient healthy = connect("bob")) {
            slow.sendText("{\"op\":\"subscribe\",\"channel\":\"job:" + jobId + "\"}");
            healthy.subscribe("job:" + jobId);
            subscribed(healthy, "job:" + jobId);
            healthy.next(WAIT);

            // The slow client reads nothing: 150 KB events fill its window, the server's socket
            // buffer and then the 1 MiB queue. The healthy client must get each one meanwhile.
            List<JsonNode> healthyGot = new ArrayList<>();
            int events = 150;
            for (int i = 0; i < events; i++) {
                sent.add(Events.bigNotification(jobId, bob, "big " + i, 150_000).id());
                healthyGot.addAll(healthy.events("job:" + jobId, 1, WAIT));
            }
            assertThat(ids(healthyGot)).containsExactlyElementsOf(sent);

            RawWsClient.Received received = slow.readUntilClosed();
            assertThat(received.closeCode()).isEqualTo(4008);
            List<JsonNode> before = received.frames().stream().filter(frame -> frame.has("data") && frame.has("id")).toList();
            assertThat(before.size()).isLessThan(events);
            assertThat(ids(before)).isEqualTo(sent.subList(0, before.size()));
            String resumeFrom = before.isEmpty()
                    ? received.frames().get(0).path("position").asText(null)
                    : before.get(before.size() - 1).path("position").asText();

            try (WsClient again = connect("bob")) {
                if (resumeFrom == null || resumeFrom.equals("null")) {
                    again.subscribe("job:" + jobId);
                    subscribed(again, "job:" + jobId);
                    again.next(WAIT);
                } else {
                    again.subscribe("job:" + jobId, resumeFrom);
                    subscribed(again, "job:" + jobId);
                }
                List<JsonNode> rest = again.events("job:" + jobId, sent.size() - before.size(), Duration.ofSeconds(60));
                assertThat(ids(rest)).containsExactlyElementsOf(sent.subList(before.size(), sent.size()));
            }
        }
    }
}
