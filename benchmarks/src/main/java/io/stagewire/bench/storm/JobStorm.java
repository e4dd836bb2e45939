package io.stagewire.bench.storm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewire.bench.Options;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * A storm of job creations (issue 16): {@code --jobs} crawl jobs created evenly within {@code --seconds} by
 * {@code --users} users (Keycloak users {@code storm-01…}, created through the local admin console's API when missing),
 * each job of {@code --products} products of the demo shop, on the stack of {@code ./stagewire up}. Every user watches
 * its {@code user:} channel on the gateway throughout (reconnecting with a fresh token and {@code since} when the
 * gateway closes for an expired token, as any client must).
 *
 * <p>Reports the creation answers and latencies, the time until every job has ended (the drain), how they ended, and
 * whether anything was lost: for each job, its events as the watcher got them must equal job-api's history, each once,
 * in order. Jobs still unfinished after {@code --drain-minutes} are cancelled (and counted as such), so that every job
 * ends and can be compared. Exit status 1 when a job failed, did not end, or a history differs.
 */
public final class JobStorm {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final List<User> users = new ArrayList<>();
    /** Job id → its owner, for every job created. */
    private final Map<String, User> jobs = new ConcurrentHashMap<>();
    /** Job id → the events' ids in the order the watcher got them. */
    private final Map<String, List<String>> seen = new ConcurrentHashMap<>();
    /** Job id → nanoTime of its terminal event at the watcher. */
    private final Map<String, Long> ended = new ConcurrentHashMap<>();
    private final Map<String, String> endType = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final Histogram createMicros = new Histogram(60_000_000L, 3);
    private final AtomicInteger reconnects = new AtomicInteger();

    private JobStorm(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        boolean ok = new JobStorm(Options.parse(args)).run();
        System.exit(ok ? 0 : 1);
    }

    /** One storm user: its token (refreshed before it expires), subject and watching connection. */
    private final class User {
        final String name;
        volatile String token;
        String sub;
        volatile String lastPosition;
        volatile WebSocket socket;

        User(String name) {
            this.name = name;
        }
    }

    private boolean run() throws Exception {
        int jobCount = options.integer("jobs", 1000);
        int seconds = options.integer("seconds", 60);
        int userCount = options.integer("users", 20);
        log("storm: %d jobs of %d product(s) within %d s by %d users; job-api %s, gateway %s", jobCount, options.integer("products", 1),
                seconds, userCount, options.get("job-api", "http://localhost:8080"), options.get("gateway", "ws://localhost:8090/ws"));
        String admin = adminToken();
        for (int i = 1; i <= userCount; i++) {
            User user = new User(String.format("storm-%02d", i));
            ensureUser(admin, user.name);
            user.token = token(user.name);
            user.sub = claim(user.token, "sub");
            users.add(user);
        }
        // Tokens live 5 minutes here: fresh ones every 4 for requests and reconnections.
        timer.scheduleAtFixedRate(this::refreshTokens, 4, 4, TimeUnit.MINUTES);
        for (User user : users) {
            watch(user, null).join();
        }
        log("%d watchers subscribed", users.size());

        long start = System.nanoTime();
        List<CompletableFuture<Void>> creations = new ArrayList<>();
        for (int i = 0; i < jobCount; i++) {
            long due = start + (long) i * seconds * 1_000_000_000L / jobCount;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            creations.add(create(users.get(i % users.size())));
        }
        CompletableFuture.allOf(creations.toArray(CompletableFuture[]::new)).join();
        long created = System.nanoTime();
        log("created in %.1f s: answers %s; latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f", (created - start) / 1e9, answers,
                createMicros.getValueAtPercentile(50) / 1e3, createMicros.getValueAtPercentile(95) / 1e3,
                createMicros.getValueAtPercentile(99) / 1e3, createMicros.getMaxValue() / 1e3);

        long deadline = start + TimeUnit.MINUTES.toNanos(options.integer("drain-minutes", 25));
        int lastReport = -1;
        while (ended.size() < jobs.size() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            int done = ended.size();
            if (done / 100 != lastReport / 100) {
                log("%d of %d jobs ended (%.0f s after the first creation)", done, jobs.size(), (System.nanoTime() - start) / 1e9);
                lastReport = done;
            }
        }
        long last = ended.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
        int drained = ended.size();
        log("drain: %d of %d jobs ended; the last %.1f s after the first creation, %.1f s after the last (%.1f jobs/min)", drained,
                jobs.size(), (last - start) / 1e9, (last - created) / 1e9, drained * 60e9 / Math.max(1, last - start));
        if (drained < jobs.size()) {
            // The drain bound came first: the rest is cancelled, so that every job ends and its history can be compared.
            int cancelled = 0;
            for (Map.Entry<String, User> job : jobs.entrySet()) {
                if (!ended.containsKey(job.getKey())) {
                    HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(options.get("job-api", "http://localhost:8080")
                                    + "/api/jobs/" + job.getKey() + "/cancel")).header("Authorization", "Bearer " + job.getValue().token)
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                    cancelled += answer.statusCode() == 202 ? 1 : 0;
                }
            }
            log("drain bound reached: %d unfinished jobs cancelled", cancelled);
            long cancelDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (ended.size() < jobs.size() && System.nanoTime() < cancelDeadline) {
                Thread.sleep(500);
            }
        }
        for (User user : users) {
            user.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        return verdict();
    }

    private CompletableFuture<Void> create(User user) {
        String body = "{\"shopUrl\":\"" + options.get("shop", "http://localhost:8070/") + "\",\"templateId\":\"default\","
                + "\"crawlerConfig\":{\"maxProducts\":" + options.integer("products", 1) + "}}";
        long sent = System.nanoTime();
        return http.sendAsync(HttpRequest.newBuilder(URI.create(options.get("job-api", "http://localhost:8080") + "/api/jobs"))
                        .header("Authorization", "Bearer " + user.token).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    createMicros.recordValue(Math.min((System.nanoTime() - sent) / 1000, createMicros.getHighestTrackableValue()));
                    int status = failure != null ? -1 : response.statusCode();
                    answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status == 202) {
                        try {
                            jobs.put(JSON.readTree(response.body()).path("id").asText(), user);
                        } catch (IOException e) {
                            throw new IllegalStateException("202 without a job: " + response.body(), e);
                        }
                    }
                    return null;
                });
    }

    /** Subscribes {@code user} to its channel, resuming after {@code since}; reconnects when the gateway closes. */
    private CompletableFuture<Void> watch(User user, String since) {
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        StringBuilder partial = new StringBuilder();
        http.newWebSocketBuilder().header("Authorization", "Bearer " + user.token).connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(options.get("gateway", "ws://localhost:8090/ws")), new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket socket) {
                        user.socket = socket;
                        ObjectNode op = JSON.createObjectNode().put("op", "subscribe").put("channel", "user:" + user.sub);
                        if (since != null) {
                            op.put("since", since);
                        }
                        socket.sendText(op.toString(), true);
                        socket.request(1);
                    }

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frame(user, partial.toString(), subscribed);
                            partial.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
                        if (code != WebSocket.NORMAL_CLOSURE) {
                            reconnects.incrementAndGet();
                            timer.schedule(() -> watch(user, user.lastPosition), 200, TimeUnit.MILLISECONDS);
                        }
                        return null;
                    }
                })
                .exceptionally(e -> {
                    log("%s: connection failed (%s); trying again", user.name, e.getMessage());
                    timer.schedule(() -> watch(user, since), 1, TimeUnit.SECONDS);
                    return null;
                });
        return subscribed;
    }

    private void frame(User user, String text, CompletableFuture<Void> subscribed) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON from the gateway: " + text, e);
        }
        String type = frame.path("type").asText();
        if (type.equals("subscribed")) {
            if (user.lastPosition != null && !frame.path("recovered").asBoolean()) {
                log("%s: resume NOT recovered: %s", user.name, text);
            }
            subscribed.complete(null);
            return;
        }
        if (type.equals("error")) {
            log("%s: error frame %s", user.name, text);
            return;
        }
        if (!frame.has("jobId") || !frame.has("position")) {
            return;
        }
        user.lastPosition = frame.path("position").asText();
        String jobId = frame.path("jobId").asText();
        seen.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(frame.path("id").asText());
        if (type.matches("job:(completed|failed|cancelled)")) {
            ended.put(jobId, System.nanoTime());
            endType.put(jobId, type);
        }
    }

    /** Every job completed, and what each watcher got of each job is exactly job-api's history. */
    private boolean verdict() throws Exception {
        Map<String, Integer> ends = new LinkedHashMap<>();
        endType.values().forEach(t -> ends.merge(t, 1, Integer::sum));
        int differing = 0;
        int duplicates = 0;
        for (Map.Entry<String, User> job : jobs.entrySet()) {
            List<String> got = seen.getOrDefault(job.getKey(), List.of());
            if (got.size() != got.stream().distinct().count()) {
                duplicates++;
            }
            List<String> history = history(job.getValue(), job.getKey());
            if (!history.equals(got)) {
                differing++;
                if (differing <= 3) {
                    log("job %s: watcher got %d events, history has %d", job.getKey(), got.size(), history.size());
                }
            }
        }
        // Cancelled only by the drain bound (reported above); failed never.
        boolean ok = ended.size() == jobs.size() && ends.getOrDefault("job:failed", 0) == 0 && differing == 0;
        log("%s: %d jobs created, ends %s, not ended %d; events per job as job-api's history: %d differ, %d with duplicates; "
                + "watchers reconnected %d times", ok ? "PASS" : "FAIL", jobs.size(), ends, jobs.size() - ended.size(), differing,
                duplicates, reconnects.get());
        return ok;
    }

    private List<String> history(User user, String jobId) throws Exception {
        List<String> ids = new ArrayList<>();
        String after = null;
        while (true) {
            String url = options.get("job-api", "http://localhost:8080") + "/api/jobs/" + jobId + "/events?limit=500"
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + user.token).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode page = JSON.readTree(response.body());
            ArrayNode items = (ArrayNode) page.path("items");
            items.forEach(item -> ids.add(item.path("id").asText()));
            JsonNode next = page.path("next");
            if (items.isEmpty() || next.isMissingNode() || next.isNull()) {
                return ids;
            }
            after = next.asText();
        }
    }

    private void refreshTokens() {
        for (User user : users) {
            try {
                user.token = token(user.name);
            } catch (Exception e) {
                log("%s: token refresh failed: %s", user.name, e.getMessage());
            }
        }
    }

    private String adminToken() throws IOException, InterruptedException {
        return tokenFrom("master", "grant_type=password&client_id=admin-cli&username=" + options.get("admin-user", "admin") + "&password="
                + URLEncoder.encode(options.get("admin-password", "admin"), StandardCharsets.UTF_8));
    }

    private String token(String user) throws IOException, InterruptedException {
        return tokenFrom("stagewire", "grant_type=password&client_id=" + options.get("client", "stagewire-cli") + "&username=" + user
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
    }

    private String tokenFrom(String realm, String form) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(options.get("keycloak", "http://localhost:8180") + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode token = JSON.readTree(response.body()).path("access_token");
        if (!token.isTextual()) {
            throw new IllegalStateException("no token from realm " + realm + ": " + response.statusCode() + " " + response.body());
        }
        return token.asText();
    }

    /** Creates the realm user (password = name, realm role {@code user}) unless it exists. */
    private void ensureUser(String admin, String name) throws IOException, InterruptedException {
        String base = options.get("keycloak", "http://localhost:8180") + "/admin/realms/stagewire";
        ObjectNode user = JSON.createObjectNode().put("username", name).put("enabled", true).put("emailVerified", true)
                .put("email", name + "@stagewire.local").put("firstName", "Storm").put("lastName", name);
        user.putArray("credentials").addObject().put("type", "password").put("value", name).put("temporary", false);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/users"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() == 409) {
            return;
        }
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create user " + name + ": " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String role = http.send(HttpRequest.newBuilder(URI.create(base + "/roles/user")).header("Authorization", "Bearer " + admin).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        http.send(HttpRequest.newBuilder(URI.create(location + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + role + "]")).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String claim(String jwt, String name) throws IOException {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).path(name).asText();
    }

    private static void log(String format, Object... args) {
        System.out.printf("%s %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
        System.out.flush();
    }
}
