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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A worker that redoes work after a crash sends the same event (source and id) again, as a new record; job-api records
 * it once, and every client gets it once: live, resumed from the job's window, and on the user channel. Found by
 * ServiceCrashIT, where a killed crawler's redone screenshots reached the watching client twice.
 */
@QuarkusTest
@QuarkusTestResource(JobApiDouble.class)
class RepeatedEventTest extends GatewayTest {

    private static StageEvent captured(String jobId, String owner, String screenshot) {
        // The job's producer (its first event's source), as a worker is for a job of job-api.
        return StageEvent.of(EventType.SYSTEM_NOTIFICATION, "/stagewire/test", jobId, owner,
                StageEventJson.object().put("message", "captured " + screenshot));
    }

    @Test
    void aRepeatedEventReachesEveryClientOnceLiveAndResumed() {
        String jobId = Events.newJobId();
        String bob = sub("bob");
        JobApiDouble.putJob(jobId, bob, "running", null);
        Events.Sent before = Events.notification(jobId, bob, "before");
        StageEvent first = captured(jobId, bob, "s1");
        StageEvent second = captured(jobId, bob, "s2");
        try (WsClient job = connect("bob"); WsClient user = connect("bob")) {
            job.subscribe("job:" + jobId, before.position());
            subscribed(job, "job:" + jobId);
            user.subscribe("user:" + bob);
            subscribed(user, "user:" + bob);

            Events.Sent s1 = Events.send(first);
            Events.send(first);              // the crawler restarted and captured s1 again
            Events.Sent s2 = Events.send(second);
            Events.Sent repeatOfS2 = Events.send(second);
            Events.Sent after = Events.notification(jobId, bob, "after");
            assertThat(repeatOfS2.position()).isNotEqualTo(s2.position());

            List<String> expected = List.of(s1.id(), s2.id(), after.id());
            assertThat(ids(job.events("job:" + jobId, 3, WAIT))).containsExactlyElementsOf(expected);
            assertThat(job.drain(Duration.ofMillis(500))).isEmpty();
            List<JsonNode> onUserChannel = user.events("user:" + bob, 3, WAIT).stream()
                    .filter(e -> jobId.equals(e.path("jobId").asText())).toList();
            assertThat(ids(onUserChannel)).containsExactlyElementsOf(expected);
            assertThat(user.drain(Duration.ofMillis(300)).stream().filter(e -> jobId.equals(e.path("jobId").asText()))).isEmpty();

            // A client resuming from before the repeats gets each event once, from the window.
            try (WsClient resumed = connect("bob")) {
                resumed.subscribe("job:" + jobId, before.position());
                subscribed(resumed, "job:" + jobId);
                assertThat(ids(resumed.events("job:" + jobId, 3, WAIT))).containsExactlyElementsOf(expected);
                assertThat(resumed.drain(Duration.ofMillis(300))).isEmpty();
            }
        }
    }
}
