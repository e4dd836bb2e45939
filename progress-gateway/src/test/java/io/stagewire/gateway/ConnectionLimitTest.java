package io.stagewire.gateway;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.gateway.support.JobApiDouble;
import io.stagewire.gateway.support.WsClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-user connection limits (issue 10: 1 000 WebSockets and 500 SSE streams of one user were all
 * accepted). The test profile allows 25 WebSockets and 3 SSE streams per user.
 */
@Tag("attack")
@QuarkusTest
@QuarkusTestResource(JobApiDouble.class)
class ConnectionLimitTest extends GatewayTest {
    private static final int MAX_WS = 25;
    private static final int MAX_SSE = 3;

    @Test
    void webSocketsOverTheLimitAreRefusedWith429AndAClosedOneFreesItsPlace() {
        List<WsClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_WS; i++) {
                open.add(connect("carol"));
            }
            // The client's handshake can complete before the server has run @OnOpen, which counts the
            // connection: a pong proves each one is counted, so the next upgrade meets a full quota.
            for (WsClient client : open) {
                client.send("{\"op\":\"ping\"}");
                assertThat(client.next(WAIT).path("type").asText()).isEqualTo("pong");
            }
            assertThatThrownBy(() -> connect("carol"))
                    .isInstanceOfSatisfying(WsClient.Refused.class, refused -> assertThat(refused.status).isEqualTo(429));
            try (WsClient other = connect("bob")) {
                other.send("{\"op\":\"ping\"}");
                assertThat(other.next(WAIT).path("type").asText()).as("other users are not affected").isEqualTo("pong");
            }
            open.remove(0).close();
            WsClient again = awaitConnect("carol");
            open.add(again);
            again.send("{\"op\":\"ping\"}");
            assertThat(again.next(WAIT).path("type").asText()).isEqualTo("pong");
        } finally {
            open.forEach(WsClient::close);
        }
    }

    /**
     * Upgrades that race: the 429 check runs before the connection is counted, so several upgrades can pass it at
     * once. Whatever the interleaving, exactly the limit stay open (each answers a ping), every other one is refused
     * with 429 or closed with 4029, and once all are closed the user has the whole quota again (nothing leaked).
     */
    @Test
    void racingUpgradesLeaveExactlyTheLimitOpenAndReleaseEveryPlace() throws Exception {
        int attempts = MAX_WS * 3;
        List<WsClient> open = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Map<String, Integer> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(attempts)) {
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    outcomes.merge(racedUpgrade("alice", open), 1, Integer::sum);
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> run : runs) {
                run.get(WAIT.toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            assertThat(outcomes.getOrDefault("open", 0)).as("outcomes %s", outcomes).isEqualTo(MAX_WS);
            assertThat(outcomes.getOrDefault("refused 429", 0) + outcomes.getOrDefault("closed 4029", 0))
                    .as("outcomes %s", outcomes).isEqualTo(attempts - MAX_WS);
        } finally {
            open.forEach(WsClient::close);
        }
        List<WsClient> again = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_WS; i++) {
                WsClient client = awaitConnect("alice");
                again.add(client);
                client.send("{\"op\":\"ping\"}");
                assertThat(client.next(WAIT).path("type").asText()).as("place %d after the race", i + 1).isEqualTo("pong");
            }
        } finally {
            again.forEach(WsClient::close);
        }
    }

    /** One upgrade's fate: "open" (kept in {@code open}), "refused 429", "closed 4029" or what else happened. */
    private String racedUpgrade(String user, List<WsClient> open) {
        WsClient client;
        try {
            client = connect(user);
        } catch (WsClient.Refused refused) {
            return "refused " + refused.status;
        }
        try {
            client.send("{\"op\":\"ping\"}");
        } catch (RuntimeException closedMeanwhile) {
            // The close frame may already be on its way; its code says why.
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (client.isClosed()) {
                return "closed " + client.awaitClose(WAIT);
            }
            for (com.fasterxml.jackson.databind.JsonNode frame : client.drain(java.time.Duration.ofMillis(50))) {
                if ("pong".equals(frame.path("type").asText())) {
                    open.add(client);
                    return "open";
                }
            }
        }
        client.close();
        return "neither pong nor close";
    }

    @Test
    void sseStreamsOverTheLimitGet429ProblemAndAClosedOneFreesItsPlace() throws Exception {
        String path = "/sse/users/" + sub("carol");
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_SSE; i++) {
                Socket stream = openSse(path);
                assertThat(statusLine(stream)).contains(" 200 ");
                open.add(stream);
            }
            Socket refused = openSse(path);
            String answer = readAll(refused);
            refused.close();
            assertThat(answer).startsWith("HTTP/1.1 429").contains("application/problem+json")
                    .contains("more than " + MAX_SSE + " event streams open for this user");
            open.remove(0).close();
            long deadline = System.nanoTime() + WAIT.toNanos();
            String status;
            do {
                Thread.sleep(100);
                Socket stream = openSse(path);
                status = statusLine(stream);
                open.add(stream);
            } while (!status.contains(" 200 ") && System.nanoTime() < deadline);
            assertThat(status).as("a closed stream frees its place").contains(" 200 ");
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    private WsClient awaitConnect(String user) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return connect(user);
            } catch (WsClient.Refused refused) {
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw refused;
                }
            }
        }
    }

    private Socket openSse(String path) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAccept: text/event-stream\r\n"
                + "Authorization: Bearer " + token("carol") + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream in = socket.getInputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }

    private static String readAll(Socket socket) throws IOException {
        socket.setSoTimeout(2000);
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = socket.getInputStream().read(buffer)) != -1) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (java.net.SocketTimeoutException enough) {
            // Kept alive: what came is the answer.
        }
        return text.toString();
    }
}
