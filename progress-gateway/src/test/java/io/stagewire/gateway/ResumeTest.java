package io.stagewire.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.gateway.support.Events;
import io.stagewire.gateway.support.JobApiDouble;
import io.stagewire.gateway.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Resume with {@code since}, and snapshot then live: no gap and no duplicate at the seam. */
@QuarkusTest
@QuarkusTestResource(JobApiDouble.class)
class ResumeTest extends GatewayTest {

    @Test
    void jobResumeReplaysExactlyWhatCameAfterThenGoesLive() {
        String jobId = Events.newJobId();
        String bob = sub("bob");
        JobApiDouble.putJob(jobId, bob, "running", null);
        List<Events.Sent> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(Events.notification(jobId, bob, "before " + i));
        }
        try (WsClient client = connect("bob")) {
            client.subscribe("job:" + jobId, sent.get(2).position());
            JsonNode ok = subscribed(client, "job:" + jobId);
            assertThat(ok.path("position").asText()).isEqualTo(sent.get(2).position());
            assertThat(ok.path("recovered").asBoolean()).isTrue();
            for (int i = 0; i < 5; i++) {
                sent.add(Events.notification(jobId, bob, "after " + i));
            }
            List<JsonNode> got = client.events("job:" + jobId, 12, WAIT);
            assertThat(positions(got)).containsExactlyElementsOf(sent.subList(3, 15).stream().map(Events.Sent::position).toList());
            assertThat(ids(got)).containsExactlyElementsOf(sent.subList(3, 15).stream().map(Events.Sent::id).toList());
            assertThat(client.drain(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void reconnectingOverAndOverWhileEventsFlowLosesAndRepeatsNothing() throws Exception {
        String jobId = Events.newJobId();
        String bob = sub("bob");
        JobApiDouble.putJob(jobId, bob, "running", null);
        Events.Sent first = Events.notification(jobId, bob, "first");
        int total = 300;
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < total; i++) {
                sent.add(Events.notification(jobId, bob, "flowing " + i).id());
                if (i % 10 == 0) {
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        List<String> received = new ArrayList<>();
        String position = first.position();
        int reconnects = 0;
        while (received.size() < total) {
            try (WsClient client = connect("bob")) {
                client.subscribe("job:" + jobId, position);
                subscribed(client, "job:" + jobId);
                int take = Math.min(total - received.size(), ThreadLocalRandom.current().nextInt(1, 40));
                for (JsonNode event : client.events("job:" + jobId, take, WAIT)) {
                    received.add(event.path("id").asText());
                    position = event.path("position").asText();
                }
            }
            reconnects++;
        }
        producing.get();
        assertThat(reconnects).isGreaterThan(5);
        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void concurrentResumesOlderThanTheWindowEachGetEveryEventOnceInOrder() throws Exception {
        String jobId = Events.newJobId();
        String bob = sub("bob");
        JobApiDouble.putJob(jobId, bob, "running", null);
        // More than the job's window (256 events): a resume from the first is read from Kafka, where
        // concurrent readers of the partition share one pass.
        List<Events.Sent> sent = Events.progressBurst(jobId, bob, 300);
        List<String> expected = sent.subList(1, 300).stream().map(Events.Sent::id).toList();
        List<WsClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                clients.add(connect("bob"));
            }
            clients.forEach(client -> client.subscribe("job:" + jobId, sent.getFirst().position()));
            for (WsClient client : clients) {
                assertThat(subscribed(client, "job:" + jobId).path("recovered").asBoolean()).isTrue();
                assertThat(ids(client.events("job:" + jobId, 299, WAIT))).containsExactlyElementsOf(expected);
                assertThat(client.drain(Duration.ofMillis(200))).isEmpty();
            }
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    @Test
    void userChannelResumesAcrossPartitionsFromItsVector() {
        String carol = sub("carol");
        List<String> jobs = List.of(Events.newJobId(), Events.newJobId(), Events.newJobId(), Events.newJobId());
        List<String> sent = new ArrayList<>();
        List<String> sentJobs = new ArrayList<>();
        List<JsonNode> firstPart;
        try (WsClient client = connect("carol")) {
            client.subscribe("user:" + carol);
            subscribed(client, "user:" + carol);
            assertThat(client.next(WAIT).path("type").asText()).isEqualTo("snapshot");
            for (int i = 0; i < 12; i++) {
                sentJobs.add(jobs.get(i % jobs.size()));
                sent.add(Events.notification(sentJobs.get(i), carol, "one " + i).id());
            }
            // Across jobs (partitions) the order is the consumer's, not the producer's: take what comes.
            firstPart = ofJobs(client, jobs, 5);
        }
        String resumeAt = firstPart.get(4).path("position").asText();
        for (int i = 0; i < 6; i++) {
            sentJobs.add(jobs.get(i % jobs.size()));
            sent.add(Events.notification(sentJobs.get(12 + i), carol, "two " + i).id());
        }
        try (WsClient client = connect("carol")) {
            client.subscribe("user:" + carol, resumeAt);
            assertThat(subscribed(client, "user:" + carol).path("recovered").asBoolean()).isTrue();
            sentJobs.add(jobs.get(0));
            sent.add(Events.notification(jobs.get(0), carol, "live").id());
            List<JsonNode> rest = ofJobs(client, jobs, 14);
            assertThat(client.drain(Duration.ofMillis(300)).stream().filter(f -> jobs.contains(f.path("jobId").asText()))).isEmpty();

            List<JsonNode> all = new ArrayList<>(firstPart);
            all.addAll(rest);
            // Every event exactly once over the two connections ...
            assertThat(ids(all)).containsExactlyInAnyOrderElementsOf(sent);
            // ... and per job in the order produced, on each connection and across the resume.
            for (String job : jobs) {
                List<String> produced = new ArrayList<>();
                for (int i = 0; i < sent.size(); i++) {
                    if (sentJobs.get(i).equals(job)) {
                        produced.add(sent.get(i));
                    }
                }
                assertThat(all.stream().filter(e -> job.equals(e.path("jobId").asText())).map(e -> e.path("id").asText()).toList())
                        .as("events of %s", job).containsExactlyElementsOf(produced);
            }
        }
    }

    @Test
    void snapshotOfASeenJobComesFromTheGatewayAndIsFollowedByEverythingAfterItsPosition() {
        // issue 11: a job the gateway has seen is snapshotted from its own state (job-api's record,
        // here behind at the third event, is not asked); then every later event, none twice.
        String jobId = Events.newJobId();
        String bob = sub("bob");
        List<Events.Sent> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(Events.notification(jobId, bob, "early " + i));
        }
        JobApiDouble.putJob(jobId, bob, "running", sent.get(2).logPosition());
        awaitDispatched(ws(), jobId, sent.get(4));
        try (WsClient client = connect("bob")) {
            client.subscribe("job:" + jobId);
            assertThat(subscribed(client, "job:" + jobId).path("position").asText()).isEqualTo(sent.get(4).position());
            JsonNode snapshot = client.next(WAIT);
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("data").path("source").asText()).isEqualTo("gateway");
            assertThat(snapshot.path("data").path("lastEventType").asText()).isEqualTo("system:notification");
            sent.add(Events.notification(jobId, bob, "live"));
            List<JsonNode> got = client.events("job:" + jobId, 1, WAIT);
            assertThat(ids(got)).containsExactly(sent.get(5).id());
            assertThat(client.drain(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void unsubscribingDuringAReplayEndsItCleanlyWithout4008() throws Exception {
        // issue 10: the replay's next send took the cancelled subscription for a slow consumer.
        String jobId = Events.newJobId();
        String bob = sub("bob");
        JobApiDouble.putJob(jobId, bob, "running", null);
        Events.Sent first = Events.notification(jobId, bob, "first");
        for (int i = 0; i < 250; i++) {
            Events.bigNotification(jobId, bob, "history " + i, 20_000);
        }
        try (WsClient client = connect("bob")) {
            client.pause();
            client.subscribe("job:" + jobId, first.position());
            Thread.sleep(500);
            // The replay now waits for the paused client to make room.
            client.send("{\"op\":\"unsubscribe\",\"channel\":\"job:" + jobId + "\"}");
            Thread.sleep(300);
            client.resume();
            client.nextMatching(frame -> "unsubscribed".equals(frame.path("type").asText()), WAIT);
            client.send("{\"op\":\"ping\"}");
            client.nextMatching(frame -> "pong".equals(frame.path("type").asText()), WAIT);
            assertThat(client.drain(Duration.ofMillis(500)).stream().filter(f -> "error".equals(f.path("type").asText())))
                    .isEmpty();
            assertThat(client.isClosed()).as("still open").isFalse();
        }
    }

    @Test
    void aPositionFromAnotherEpochGetsASnapshotAndThenEveryNewEvent() {
        // issue 11: a token from a recreated topic (or another cluster) is no floor: its offset means nothing here.
        String jobId = Events.newJobId();
        String bob = sub("bob");
        JobApiDouble.putJob(jobId, bob, "running", null);
        List<Events.Sent> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(Events.notification(jobId, bob, "before " + i));
        }
        awaitDispatched(ws(), jobId, sent.get(2));
        String otherEpoch = Events.epoch().equals("00000000") ? "00000001" : "00000000";
        try (WsClient client = connect("bob")) {
            client.subscribe("job:" + jobId, sent.get(2).logPosition() + "~" + otherEpoch);
            JsonNode ok = subscribed(client, "job:" + jobId);
            assertThat(ok.path("recovered").asBoolean()).isFalse();
            assertThat(ok.path("position").asText()).isEqualTo(sent.get(2).position());
            assertThat(client.next(WAIT).path("type").asText()).isEqualTo("snapshot");
            for (int i = 0; i < 3; i++) {
                sent.add(Events.notification(jobId, bob, "after " + i));
            }
            assertThat(ids(client.events("job:" + jobId, 3, WAIT))).containsExactlyElementsOf(
                    sent.subList(3, 6).stream().map(Events.Sent::id).toList());
        }
    }

    @Test
    void aPositionPastTheEndOfTheLogGetsASnapshotAndThenEveryNewEvent() {
        // issue 11: a stale "7-1042" without an epoch, from a topic that was recreated, would have been a floor
        // that silently dropped every new event below offset 1043.
        String jobId = Events.newJobId();
        String bob = sub("bob");
        JobApiDouble.putJob(jobId, bob, "running", null);
        Events.Sent first = Events.notification(jobId, bob, "first");
        awaitDispatched(ws(), jobId, first);
        String[] partitionOffset = first.logPosition().split("-");
        String stale = partitionOffset[0] + "-" + (Long.parseLong(partitionOffset[1]) + 1_000_000);
        try (WsClient client = connect("bob")) {
            client.subscribe("job:" + jobId, stale);
            JsonNode ok = subscribed(client, "job:" + jobId);
            assertThat(ok.path("recovered").asBoolean()).isFalse();
            assertThat(client.next(WAIT).path("type").asText()).isEqualTo("snapshot");
            List<String> after = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                after.add(Events.notification(jobId, bob, "after " + i).id());
            }
            assertThat(ids(client.events("job:" + jobId, 3, WAIT))).containsExactlyElementsOf(after);
        }
    }

    @Test
    void aPositionWithoutEpochAsJobApiWritesItStillResumesExactly() {
        String jobId = Events.newJobId();
        String bob = sub("bob");
        JobApiDouble.putJob(jobId, bob, "running", null);
        List<Events.Sent> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(Events.notification(jobId, bob, "e " + i));
        }
        try (WsClient client = connect("bob")) {
            client.subscribe("job:" + jobId, sent.get(1).logPosition());
            JsonNode ok = subscribed(client, "job:" + jobId);
            assertThat(ok.path("recovered").asBoolean()).isTrue();
            assertThat(ok.path("position").asText()).as("handed back in this log's epoch").isEqualTo(sent.get(1).position());
            assertThat(positions(client.events("job:" + jobId, 2, WAIT)))
                    .containsExactly(sent.get(2).position(), sent.get(3).position());
        }
    }

    @Test
    void positionOfAnotherPartitionIsRefused() {
        String jobId = Events.newJobId();
        String bob = sub("bob");
        JobApiDouble.putJob(jobId, bob, "running", null);
        Events.Sent one = Events.notification(jobId, bob, "x");
        int partition = Integer.parseInt(one.position().split("-")[0]);
        try (WsClient client = connect("bob")) {
            client.subscribe("job:" + jobId, ((partition + 1) % 12) + "-0");
            JsonNode error = client.next(WAIT);
            assertThat(error.path("code").asText()).isEqualTo("bad_request");
        }
    }

    private static List<JsonNode> ofJobs(WsClient client, List<String> jobs, int count) {
        List<JsonNode> got = new ArrayList<>();
        while (got.size() < count) {
            JsonNode frame = client.next(WAIT);
            if (jobs.contains(frame.path("jobId").asText())) {
                got.add(frame);
            }
        }
        return got;
    }
}
