package io.stagewire.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.gateway.support.Events;
import io.stagewire.gateway.support.JobApiDouble;
import io.stagewire.gateway.support.Jwt;
import io.stagewire.gateway.support.WsClient;
import io.stagewire.testing.Tokens;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged gateway as separate processes: two replicas side by side each deliver everything
 * to their own clients, and a replica killed (SIGKILL) mid-stream and started again resumes its
 * clients without gap or duplicate — the resume store is Kafka, not the gateway's memory.
 */
class GatewayReplicasIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PORT_A = 18090;
    private static final int PORT_B = 18091;
    private static final int PORT_C = 18092;
    private static final int PORT_D = 18093;
    private static final int PORT_E = 18094;
    private static final int PORT_F = 18096;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JobApiDouble JOB_API = new JobApiDouble();
    private static String jobApiUrl;
    private static Process replicaA;
    private static Process replicaB;

    @BeforeAll
    static void startReplicas() throws Exception {
        jobApiUrl = JOB_API.start().get("stagewire.job-api.url");
        replicaA = start("a", PORT_A, Map.of());
        // B is not a dead-letter writer: with N replicas, one writer is enough.
        replicaB = start("b", PORT_B, Map.of("stagewire.gateway.dead-letter-writer", "false"));
        awaitReady(PORT_A, replicaA);
        awaitReady(PORT_B, replicaB);
    }

    @AfterAll
    static void stopReplicas() {
        for (Process replica : new Process[] {replicaA, replicaB}) {
            if (replica != null) {
                replica.destroy();
            }
        }
        JOB_API.stop();
    }

    @Test
    void twoReplicasEachDeliverEverythingToTheirOwnClients() {
        String jobId = Events.newJobId();
        String bob = Jwt.sub(Tokens.accessToken("bob"));
        JobApiDouble.putJob(jobId, bob, "running", null);
        try (WsClient onA = subscribe(PORT_A, jobId); WsClient onB = subscribe(PORT_B, jobId)) {
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                sent.add(Events.notification(jobId, bob, "both " + i).id());
            }
            assertThat(ids(onA.events("job:" + jobId, 50, WAIT))).containsExactlyElementsOf(sent);
            assertThat(ids(onB.events("job:" + jobId, 50, WAIT))).containsExactlyElementsOf(sent);
        }
    }

    @Test
    void killedReplicaRestartsAndItsClientsResumeExactly() throws Exception {
        String jobId = Events.newJobId();
        String bob = Jwt.sub(Tokens.accessToken("bob"));
        JobApiDouble.putJob(jobId, bob, "running", null);
        int total = 200;
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        List<String> received = new ArrayList<>();
        String position = null;
        try (WsClient onB = subscribe(PORT_B, jobId)) {
            WsClient onA = subscribe(PORT_A, jobId);
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < total; i++) {
                    sent.add(Events.notification(jobId, bob, "restart " + i).id());
                    pause(10);
                }
            });
            for (JsonNode event : onA.events("job:" + jobId, 40, WAIT)) {
                received.add(event.path("id").asText());
                position = event.path("position").asText();
            }
            replicaA.destroyForcibly().waitFor();
            assertThat(onA.awaitClose(WAIT)).isEqualTo(1006);
            // What reached the client before the kill still counts; it resumes after the last one.
            for (JsonNode event : onA.drain(Duration.ofMillis(200))) {
                if (event.has("id") && event.has("data")) {
                    received.add(event.path("id").asText());
                    position = event.path("position").asText();
                }
            }
            replicaA = start("a-restarted", PORT_A, Map.of());
            awaitReady(PORT_A, replicaA);
            try (WsClient resumed = WsClient.connect(ws(PORT_A), Tokens.accessToken("bob"))) {
                resumed.subscribe("job:" + jobId, position);
                JsonNode ok = resumed.next(WAIT);
                assertThat(ok.path("type").asText()).isEqualTo("subscribed");
                assertThat(ok.path("recovered").asBoolean()).isTrue();
                producing.get();
                received.addAll(ids(resumed.events("job:" + jobId, total - received.size(), WAIT)));
                assertThat(resumed.drain(Duration.ofMillis(300))).isEmpty();
            }
            assertThat(received).containsExactlyElementsOf(sent);
            assertThat(ids(onB.events("job:" + jobId, total, WAIT))).as("the other replica did not notice").containsExactlyElementsOf(sent);
        }
    }

    @Test
    void subscribingWhileARestartedReplicaRefillsIsExact() throws Exception {
        // issue 11: right after a restart the replica reads the retained log into its windows (the refill)
        // while new events keep coming; a client resuming then gets every event after its position once.
        String jobId = Events.newJobId();
        String bob = Jwt.sub(Tokens.accessToken("bob"));
        JobApiDouble.putJob(jobId, bob, "running", null);
        List<Events.Sent> sent = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 30; i++) {
            sent.add(Events.notification(jobId, bob, "before restart " + i));
        }
        String position = sent.get(9).position();
        replicaA.destroyForcibly().waitFor();
        replicaA = start("a-refill", PORT_A, Map.of());
        CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 40; i++) {
                sent.add(Events.notification(jobId, bob, "during refill " + i));
                pause(25);
            }
        });
        int refused = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        WsClient resumed = null;
        while (resumed == null) {
            assertThat(System.nanoTime()).as("subscribed within 60 s of the restart").isLessThan(deadline);
            WsClient client;
            try {
                client = WsClient.connect(ws(PORT_A), Tokens.accessToken("bob"));
            } catch (RuntimeException notListeningYet) {
                pause(50);
                continue;
            }
            client.subscribe("job:" + jobId, position);
            JsonNode first = client.next(WAIT);
            if ("subscribed".equals(first.path("type").asText())) {
                assertThat(first.path("recovered").asBoolean()).isTrue();
                resumed = client;
            } else {
                // Still refilling: told so, precisely, and tried again.
                assertThat(first.path("code").asText()).isEqualTo("unavailable");
                refused++;
                client.close();
                pause(50);
            }
        }
        try (WsClient client = resumed) {
            producing.get();
            List<String> expected = sent.subList(10, sent.size()).stream().map(Events.Sent::id).toList();
            assertThat(ids(client.events("job:" + jobId, expected.size(), WAIT))).as("after %d refusals while starting", refused)
                    .containsExactlyElementsOf(expected);
            assertThat(client.drain(Duration.ofMillis(300))).isEmpty();
        }
        awaitReady(PORT_A, replicaA);
    }

    @Test
    void expiredTokenClosesWith4001AndServerPings() throws Exception {
        // A third replica that pings every second and treats tokens as expiring 295 s early (Keycloak's tokens
        // live 300 s): the 4001 close comes 4-5 s after the token was issued (the sweep's tick ends it up to 1 s
        // early), after the first pings.
        Process replicaC = start("c", PORT_C, Map.of(
                "stagewire.gateway.websocket-ping", "1s",
                "stagewire.gateway.auth.expiry-margin", "PT295S"));
        try {
            awaitReady(PORT_C, replicaC);
            String fresh = Tokens.passwordGrant("bob", "bob").path("access_token").asText();
            try (WsClient client = WsClient.connect(ws(PORT_C), fresh)) {
                assertThat(client.awaitClose(Duration.ofSeconds(15))).isEqualTo(4001);
                assertThat(client.pings()).isGreaterThanOrEqualTo(1);
            }
        } finally {
            replicaC.destroy();
        }
    }

    @Test
    void aReplicaStartedAfterAJobsFirstEventTakesTheOwnerFromThatEvent() throws Exception {
        // The first event of bob's job is in Kafka before replica D starts; carol's later claim
        // must not make D treat carol as the owner, live or in a replay (issue 10).
        String jobId = Events.newJobId();
        String bob = Jwt.sub(Tokens.accessToken("bob"));
        String carol = Jwt.sub(Tokens.accessToken("carol"));
        Events.Sent created = Events.send(io.stagewire.events.StageEvent.of(io.stagewire.events.EventType.JOB_CREATED,
                "/acme/erp", jobId, bob, io.stagewire.events.StageEventJson.object()));
        Process replicaD = start("d", PORT_D, Map.of("stagewire.gateway.dead-letter-writer", "false"));
        try {
            awaitReady(PORT_D, replicaD);
            Events.Sent forged = Events.send(io.stagewire.events.StageEvent.of(io.stagewire.events.EventType.JOB_PROGRESS,
                    "/acme/erp", jobId, carol, io.stagewire.events.StageEventJson.object().put("progress", 99)));
            Events.Sent genuine = Events.send(io.stagewire.events.StageEvent.of(io.stagewire.events.EventType.JOB_PROGRESS,
                    "/acme/erp", jobId, bob, io.stagewire.events.StageEventJson.object().put("progress", 50)));
            try (WsClient carolWs = WsClient.connect(ws(PORT_D), Tokens.accessToken("carol"));
                 WsClient bobWs = WsClient.connect(ws(PORT_D), Tokens.accessToken("bob"))) {
                carolWs.subscribe("job:" + jobId, created.position());
                assertThat(carolWs.next(WAIT).path("code").asText()).isEqualTo("forbidden");
                bobWs.subscribe("job:" + jobId, created.position());
                assertThat(bobWs.next(WAIT).path("type").asText()).isEqualTo("subscribed");
                assertThat(ids(bobWs.events("job:" + jobId, 1, WAIT))).as("replayed without %s", forged.id())
                        .containsExactly(genuine.id());
                assertThat(bobWs.drain(Duration.ofMillis(300))).isEmpty();
            }
        } finally {
            replicaD.destroy();
        }
    }

    @Test
    void sigtermClosesClientsWith1012AfterWhatWasQueued() throws Exception {
        // issue 13: a stopping replica tells its clients to reconnect and resume (1012), not 1006.
        String jobId = Events.newJobId();
        String bob = Jwt.sub(Tokens.accessToken("bob"));
        JobApiDouble.putJob(jobId, bob, "running", null);
        Process replicaE = start("e", PORT_E, Map.of("stagewire.gateway.dead-letter-writer", "false"));
        try {
            awaitReady(PORT_E, replicaE);
            try (WsClient client = subscribe(PORT_E, jobId)) {
                Events.Sent event = Events.notification(jobId, bob, "before stop");
                assertThat(ids(client.events("job:" + jobId, 1, WAIT))).containsExactly(event.id());
                long sigterm = System.nanoTime();
                replicaE.destroy(); // SIGTERM
                // Readiness goes DOWN while the client is still connected (a Service stops routing
                // new clients first), then the client is told to move with 1012, not 1000/1006.
                assertThat(awaitNotReady(PORT_E)).isEqualTo(503);
                assertThat(client.isClosed()).as("closed before readiness went DOWN").isFalse();
                assertThat(client.awaitClose(WAIT)).isEqualTo(1012);
                assertThat(replicaE.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                // The 3 s shutdown delay and the closing, not the 10 s shutdown timeout on top: a WebSocket's
                // upgrade request ends with its connection (UpgradeCompletion); before, every stop took 13.5 s.
                assertThat(Duration.ofNanos(System.nanoTime() - sigterm)).isLessThan(Duration.ofSeconds(8));
            }
        } finally {
            replicaE.destroyForcibly();
        }
    }

    @Test
    void rollingRestartMidStreamEveryClientResumesOnTheOtherReplicaExactlyOnce() throws Exception {
        // issue 13, item 8: clients on replica F, events flowing, F gets SIGTERM (a rolling update); every client
        // is told 1012, reconnects to replica B with since = its last position and ends with every event of its
        // job exactly once, in order.
        String bob = Jwt.sub(Tokens.accessToken("bob"));
        List<String> jobs = List.of(Events.newJobId(), Events.newJobId());
        jobs.forEach(job -> JobApiDouble.putJob(job, bob, "running", null));
        Map<String, List<String>> sent = Map.of(jobs.get(0), Collections.synchronizedList(new ArrayList<>()),
                jobs.get(1), Collections.synchronizedList(new ArrayList<>()));
        int perJob = 150;
        int clientCount = 20;
        Process replicaF = start("f", PORT_F, Map.of("stagewire.gateway.dead-letter-writer", "false"));
        List<WsClient> clients = new ArrayList<>();
        try {
            awaitReady(PORT_F, replicaF);
            for (int i = 0; i < clientCount; i++) {
                clients.add(subscribe(PORT_F, jobs.get(i % 2)));
            }
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perJob; i++) {
                    for (String job : jobs) {
                        sent.get(job).add(Events.notification(job, bob, "rolling " + i).id());
                    }
                    pause(15);
                }
            });
            List<List<String>> received = new ArrayList<>();
            List<String> positions = new ArrayList<>();
            for (int i = 0; i < clientCount; i++) {
                List<JsonNode> first = clients.get(i).events("job:" + jobs.get(i % 2), 10, WAIT);
                received.add(new ArrayList<>(ids(first)));
                positions.add(first.getLast().path("position").asText());
            }
            CompletableFuture<Long> exited = replicaF.onExit().thenApply(process -> System.nanoTime());
            long sigterm = System.nanoTime();
            replicaF.destroy(); // SIGTERM, as the kubelet sends it
            long lastReconnect = 0;
            for (int i = 0; i < clientCount; i++) {
                WsClient client = clients.get(i);
                String channel = "job:" + jobs.get(i % 2);
                assertThat(client.awaitClose(WAIT)).as("client %d close code", i).isEqualTo(1012);
                // Everything written before the close counts; the client resumes after the last of it.
                for (JsonNode frame : client.drain(Duration.ofMillis(50))) {
                    if (channel.equals(frame.path("channel").asText()) && frame.has("id") && frame.has("data")) {
                        received.get(i).add(frame.path("id").asText());
                        positions.set(i, frame.path("position").asText());
                    }
                }
                client.close();
                WsClient moved = WsClient.connect(ws(PORT_B), Tokens.accessToken("bob"));
                clients.set(i, moved);
                moved.subscribe(channel, positions.get(i));
                JsonNode ok = moved.next(WAIT);
                assertThat(ok.path("type").asText()).isEqualTo("subscribed");
                assertThat(ok.path("recovered").asBoolean()).isTrue();
                lastReconnect = System.nanoTime();
            }
            producing.get();
            for (int i = 0; i < clientCount; i++) {
                String job = jobs.get(i % 2);
                int missing = perJob - received.get(i).size();
                received.get(i).addAll(ids(clients.get(i).events("job:" + job, missing, WAIT)));
                assertThat(clients.get(i).drain(Duration.ofMillis(200))).as("client %d: nothing twice", i).isEmpty();
                assertThat(received.get(i)).as("client %d", i).containsExactlyElementsOf(sent.get(job));
            }
            assertThat(replicaF.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            System.out.printf("rolling restart: %d clients resumed on the other replica %.1f s after SIGTERM;"
                    + " the stopped replica exited %.1f s after SIGTERM%n", clientCount,
                    (lastReconnect - sigterm) / 1e9, (exited.get() - sigterm) / 1e9);
            assertThat(Duration.ofNanos(exited.get() - sigterm)).as("SIGTERM to exit").isLessThan(Duration.ofSeconds(8));
        } finally {
            clients.forEach(WsClient::close);
            replicaF.destroyForcibly();
        }
    }

    private static WsClient subscribe(int port, String jobId) {
        WsClient client = WsClient.connect(ws(port), Tokens.accessToken("bob"));
        client.subscribe("job:" + jobId);
        assertThat(client.next(WAIT).path("type").asText()).isEqualTo("subscribed");
        assertThat(client.next(WAIT).path("type").asText()).isEqualTo("snapshot");
        return client;
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.path("id").asText()).toList();
    }

    private static URI ws(int port) {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    private static Process start(String name, int port, Map<String, String> settings) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-Dquarkus.http.port=" + port, "-Dstagewire.job-api.url=" + jobApiUrl));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        File log = Path.of("target", "it-gateway-" + name + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitReady(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("gateway on " + port + " exited with " + process.exitValue() + " (see target/it-gateway-*.log)");
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            pause(250);
        }
        throw new AssertionError("gateway on " + port + " not ready in 60 s");
    }

    private static int awaitNotReady(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (ready.statusCode() != 200) {
                return ready.statusCode();
            }
            pause(20);
        }
        throw new AssertionError("gateway on " + port + " still ready 10 s after SIGTERM");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
