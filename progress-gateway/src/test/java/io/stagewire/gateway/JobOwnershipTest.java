package io.stagewire.gateway;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.gateway.support.DeadLetterWatch;
import io.stagewire.gateway.support.Events;
import io.stagewire.gateway.support.JobApiDouble;
import io.stagewire.gateway.support.WsClient;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Job ownership cannot be taken over through Kafka (issue 10): the owner is fixed by the job's
 * first event (and its producer by that event's source) or by job-api, never by a later event.
 * Real Kafka, real Keycloak tokens.
 */
@Tag("attack")
@QuarkusTest
@QuarkusTestResource(JobApiDouble.class)
class JobOwnershipTest extends GatewayTest {
    private static final String ACME = "/acme/erp";

    @Test
    void eventsNamingAnotherOwnerAreDeadLetteredAndTakeNothingOver() {
        String jobId = Events.newJobId();
        String bob = sub("bob");
        String carol = sub("carol");
        try (DeadLetterWatch dlq = new DeadLetterWatch();
             WsClient bobWs = connect("bob"); WsClient carolWs = connect("carol")) {
            Events.Sent created = Events.send(event(EventType.JOB_CREATED, ACME, jobId, bob));
            awaitDispatched(ws(), jobId, created);
            bobWs.subscribe("job:" + jobId, created.position());
            subscribed(bobWs, "job:" + jobId);
            carolWs.subscribe("user:" + carol);
            subscribed(carolWs, "user:" + carol);
            carolWs.nextMatching(frame -> "snapshot".equals(frame.path("type").asText()), WAIT);

            // carol's producer claims bob's job, with a progress and with a second job:created.
            Events.Sent forgedProgress = Events.send(event(EventType.JOB_PROGRESS, ACME, jobId, carol));
            Events.Sent forgedCreated = Events.send(event(EventType.JOB_CREATED, ACME, jobId, carol));
            Events.Sent genuine = Events.send(event(EventType.JOB_PROGRESS, ACME, jobId, bob));

            String expected = "userid '" + carol + "' does not own job '" + jobId + "'";
            assertThat(reasonOf(dlq, forgedProgress)).isEqualTo(expected);
            assertThat(reasonOf(dlq, forgedCreated)).isEqualTo(expected);
            assertThat(ids(bobWs.events("job:" + jobId, 1, WAIT))).containsExactly(genuine.id());
            assertThat(carolWs.drain(Duration.ofMillis(500))).as("nothing reaches carol's user channel").isEmpty();

            carolWs.subscribe("job:" + jobId, created.position());
            JsonNode refused = carolWs.next(WAIT);
            assertThat(refused.path("code").asText()).isEqualTo("forbidden");

            // bob keeps his job, and a replay of its history skips the forged events.
            try (WsClient again = connect("bob")) {
                again.subscribe("job:" + jobId, created.position());
                subscribed(again, "job:" + jobId);
                assertThat(ids(again.events("job:" + jobId, 1, WAIT))).containsExactly(genuine.id());
                assertThat(again.drain(Duration.ofMillis(500))).isEmpty();
            }
        }
    }

    @Test
    void anExternalJobIsBoundToTheProducerThatCreatedIt() {
        String jobId = Events.newJobId();
        String bob = sub("bob");
        try (DeadLetterWatch dlq = new DeadLetterWatch(); WsClient bobWs = connect("bob")) {
            Events.Sent created = Events.send(event(EventType.JOB_CREATED, ACME, jobId, bob));
            awaitDispatched(ws(), jobId, created);
            bobWs.subscribe("job:" + jobId, created.position());
            subscribed(bobWs, "job:" + jobId);

            Events.Sent foreign = Events.send(event(EventType.JOB_PROGRESS, "/evil/producer", jobId, bob));
            Events.Sent own = Events.send(event(EventType.JOB_PROGRESS, ACME, jobId, bob));

            assertThat(reasonOf(dlq, foreign)).isEqualTo("source '/evil/producer' did not create job '" + jobId + "'");
            assertThat(ids(bobWs.events("job:" + jobId, 1, WAIT))).containsExactly(own.id());
        }
    }

    @Test
    void jobApisOwnJobTakesEventsOnlyFromStagewiresOwnServices() {
        // As job-api does: what it refuses to keep in the history is not fanned out live either.
        String jobId = Events.newJobId();
        String bob = sub("bob");
        try (DeadLetterWatch dlq = new DeadLetterWatch(); WsClient bobWs = connect("bob")) {
            Events.Sent created = Events.send(event(EventType.JOB_CREATED, "/stagewire/job-api", jobId, bob));
            awaitDispatched(ws(), jobId, created);
            bobWs.subscribe("job:" + jobId, created.position());
            subscribed(bobWs, "job:" + jobId);

            Events.Sent foreign = Events.send(event(EventType.JOB_PROGRESS, ACME, jobId, bob));
            Events.Sent worker = Events.send(event(EventType.JOB_PROGRESS, "/stagewire/ocr-worker", jobId, bob));

            assertThat(reasonOf(dlq, foreign)).isEqualTo("source '" + ACME + "' did not create job '" + jobId + "'");
            assertThat(ids(bobWs.events("job:" + jobId, 1, WAIT))).containsExactly(worker.id());
        }
    }

    @Test
    void jobApiNamesTheOwnerOverAFirstEventThatClaimedTheJob() {
        // job-api's own job, whose first event the gateway found to be carol's (as after a restart
        // when the real first event has left retention): job-api's word wins.
        String jobId = Events.newJobId();
        String bob = sub("bob");
        String carol = sub("carol");
        try (DeadLetterWatch dlq = new DeadLetterWatch();
             WsClient bobWs = connect("bob"); WsClient carolWs = connect("carol")) {
            Events.Sent claimed = Events.send(event(EventType.JOB_PROGRESS, "/stagewire/job-api", jobId, carol));
            awaitDispatched(ws(), jobId, claimed);
            JobApiDouble.putJob(jobId, bob, "running", claimed.logPosition());

            bobWs.subscribe("job:" + jobId, claimed.logPosition());
            subscribed(bobWs, "job:" + jobId);
            Events.Sent forged = Events.send(event(EventType.JOB_PROGRESS, "/stagewire/job-api", jobId, carol));
            Events.Sent genuine = Events.send(event(EventType.JOB_PROGRESS, "/stagewire/crawler-worker", jobId, bob));
            assertThat(reasonOf(dlq, forged)).isEqualTo("userid '" + carol + "' does not own job '" + jobId + "'");
            assertThat(ids(bobWs.events("job:" + jobId, 1, WAIT))).containsExactly(genuine.id());

            carolWs.subscribe("job:" + jobId);
            assertThat(carolWs.next(WAIT).path("code").asText()).isEqualTo("forbidden");
        }
    }

    private static StageEvent event(EventType type, String source, String jobId, String owner) {
        return StageEvent.of(type, source, jobId, owner, type == EventType.JOB_PROGRESS
                ? StageEventJson.object().put("progress", 10) : StageEventJson.object());
    }

    private static String reasonOf(DeadLetterWatch dlq, Events.Sent sent) {
        ConsumerRecord<String, byte[]> letter = dlq.await(sent.logPosition(), WAIT);
        assertThat(letter).as("dead letter of %s", sent.logPosition()).isNotNull();
        return DeadLetterWatch.reason(letter);
    }
}
