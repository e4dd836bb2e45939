package io.stagewire.bench.soak;

import io.stagewire.bench.Options;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Soak of the running stack (issue 16, item 3; docs/reliability.md): for {@code --minutes} it keeps steady load on
 * every service — WebSocket clients connecting and leaving, crawl jobs on the demo shop, external events from
 * another system's producer — and samples each service's resident memory, threads and open files (from /proc), and
 * the gateway's connections and subscriptions and job-api's lag (from /q/metrics). A baseline is taken after the
 * warm-up and the end state after the load stopped and every client left, each after a full GC ({@code jcmd GC.run}):
 * the tool fails (exit 1) when heap after GC, threads or open files grew past their bounds, or connections,
 * subscriptions or lag did not come back. Loopback only; stops by itself.
 */
public final class Soak {
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> SERVICES = List.of("job-api", "progress-gateway", "crawler-worker", "ocr-worker", "label-worker");
    private static final Map<String, Integer> PORTS = Map.of("job-api", 8080, "progress-gateway", 8090, "crawler-worker", 8091,
            "ocr-worker", 8092, "label-worker", 8093);

    private final Options options;
    // HTTP/1.1: the default h2c upgrade attempt got a protocol error from one service under load.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(42);
    private final Path root;
    /** Per user (the gateway allows 100 WebSockets per user and replica): token, refreshed, and sub. */
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> subs = new HashMap<>();

    private Soak(Options options) {
        this.options = options;
        this.root = Path.of(options.get("root", System.getenv().getOrDefault("STAGEWIRE_ROOT", "."))).toAbsolutePath().normalize();
    }

    public static void main(String[] args) throws Exception {
        System.exit(new Soak(Options.parse(args)).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Duration length = Duration.ofMinutes(options.integer("minutes", 30));
        Duration warmUp = Duration.ofSeconds(options.integer("warm-up-seconds", 120));
        int clients = options.integer("clients", 150);
        int churnPerSecond = options.integer("churn-per-second", 5);
        int jobsPerMinute = options.integer("jobs-per-minute", 2);
        int externalPerSecond = options.integer("external-per-second", 50);
        for (String url : List.of(options.get("gateway", "ws://localhost:8090/ws"), options.get("job-api", "http://localhost:8080"),
                options.get("keycloak", "http://localhost:8180"), options.get("shop", "http://localhost:8070/"), "tcp://" + options.get("kafka", "127.0.0.1:9092"))) {
            String host = URI.create(url).getHost();
            if (!host.equals("localhost") && !host.startsWith("127.")) {
                throw new IllegalArgumentException("loopback only: " + url);
            }
        }
        List<String> users = List.of(options.get("users", "bob,carol").split(","));
        for (String user : users) {
            tokens.put(user, token(user));
            subs.put(user, claim(tokens.get(user), "sub"));
        }
        String jobOwner = users.get(0);
        log("soak: %s of load after %s warm-up; %d clients (%d leave and join per second), %d jobs/min, %d external events/s",
                length, warmUp, clients, churnPerSecond, jobsPerMinute, externalPerSecond);

        ConcurrentLinkedQueue<WebSocket> open = new ConcurrentLinkedQueue<>();
        AtomicLong framesIn = new AtomicLong();
        AtomicLong jobsCreated = new AtomicLong();
        AtomicLong externalSent = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        for (int i = 0; i < clients; i++) {
            connect(users.get(i % users.size()), framesIn, failures).thenAccept(socket -> keep(open, socket));
        }

        Instant start = Instant.now();
        Instant baselineAt = start.plus(warmUp);
        Instant end = baselineAt.plus(length);
        Map<String, Sample> baseline = null;
        List<String> externalJobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            externalJobs.add("soak:" + UUID.randomUUID());
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.get("kafka", "127.0.0.1:9092"), ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            Instant nextJob = start;
            Instant nextSample = start;
            Instant nextToken = start.plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(end)) {
                Instant now = Instant.now();
                if (now.isAfter(nextToken)) {
                    for (String user : users) {
                        tokens.put(user, token(user));
                    }
                    nextToken = now.plus(Duration.ofMinutes(2));
                }
                // clients leave and others join
                for (int i = 0; i < churnPerSecond; i++) {
                    WebSocket leaving = open.poll();
                    if (leaving != null) {
                        leaving.sendClose(WebSocket.NORMAL_CLOSURE, "soak churn").exceptionally(e -> null);
                    }
                    connect(users.get(random.nextInt(users.size())), framesIn, failures).thenAccept(socket -> keep(open, socket));
                }
                // another system's progress
                for (int i = 0; i < externalPerSecond; i++) {
                    String job = externalJobs.get((int) (externalSent.get() % externalJobs.size()));
                    StageEvent event = StageEvent.of(EventType.JOB_PROGRESS, "https://soak.example/erp", job, subs.get(jobOwner),
                            StageEventJson.object().put("progress", (int) (externalSent.get() / externalJobs.size() % 100))
                                    .put("stage", "import"));
                    producer.send(StageEventCodec.toRecord(Topics.JOB_EVENTS, event), (m, e) -> {
                        if (e != null) {
                            failures.incrementAndGet();
                        }
                    });
                    externalSent.incrementAndGet();
                }
                if (jobsPerMinute > 0 && now.isAfter(nextJob)) {
                    createJob(jobOwner, jobsCreated, failures);
                    nextJob = now.plusMillis(60_000L / jobsPerMinute);
                }
                if (baseline == null && now.isAfter(baselineAt)) {
                    baseline = sampleAll(true);
                    log("baseline after warm-up:%n%s", table(baseline));
                } else if (now.isAfter(nextSample)) {
                    Map<String, Sample> samples = sampleAll(false);
                    log("t=%ds clients=%d frames=%d jobs=%d external=%d failures=%d%n%s", Duration.between(start, now).toSeconds(),
                            open.size(), framesIn.get(), jobsCreated.get(), externalSent.get(), failures.get(), table(samples));
                    nextSample = now.plusSeconds(options.integer("sample-every-seconds", 60));
                }
                Thread.sleep(Math.max(0, 1000 - Duration.between(now, Instant.now()).toMillis()));
            }
            producer.flush();
        }
        // Load off: every client leaves, the work in flight drains.
        for (WebSocket socket : open) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "soak over").exceptionally(e -> null);
        }
        open.clear();
        log("load stopped; waiting %d s for clients to close and work to drain", options.integer("drain-seconds", 90));
        Thread.sleep(TimeUnit.SECONDS.toMillis(options.integer("drain-seconds", 90)));
        Map<String, Sample> after = sampleAll(true);
        log("after the load, every client gone:%n%s", table(after));
        log("totals: %d frames received, %d jobs created, %d external events sent, %d failures", framesIn.get(), jobsCreated.get(),
                externalSent.get(), failures.get());
        return verdict(baseline == null ? after : baseline, after);
    }

    /** Bounds: what a service may grow by between baseline and end, both taken after a full GC. */
    private boolean verdict(Map<String, Sample> baseline, Map<String, Sample> after) {
        boolean ok = true;
        for (String service : SERVICES) {
            Sample b = baseline.get(service);
            Sample a = after.get(service);
            if (b == null || a == null) {
                log("FAIL %s: not running at %s", service, b == null ? "the baseline" : "the end");
                ok = false;
                continue;
            }
            if (b.heapUsed < 0 || a.heapUsed < 0) {
                log("FAIL %s: heap unknown at %s (its /q/metrics did not answer)", service, b.heapUsed < 0 ? "the baseline" : "the end");
                ok = false;
                continue;
            }
            long heapBound = b.heapUsed + Math.max(32L << 20, b.heapUsed / 4);
            ok &= check(service, "heap after GC", a.heapUsed, heapBound, b.heapUsed);
            ok &= check(service, "threads", a.threads, b.threads + 10, b.threads);
            ok &= check(service, "open files", a.openFiles, b.openFiles + 50, b.openFiles);
            log("     %s: resident memory %d MiB -> %d MiB (reported, not bounded: the JVM keeps what it reserved)",
                    service, b.rss >> 20, a.rss >> 20);
        }
        Sample gateway = after.get("progress-gateway");
        if (gateway != null) {
            ok &= check("progress-gateway", "connections", gateway.metric("stagewire_gateway_connections"), 0, 0);
            ok &= check("progress-gateway", "subscriptions", gateway.metric("stagewire_gateway_subscriptions"), 0, 0);
        }
        Sample jobApi = after.get("job-api");
        if (jobApi != null) {
            ok &= check("job-api", "job.events lag", jobApi.metric("stagewire_jobapi_events_lag"), 0, 0);
        }
        log(ok ? "PASS: flat after %s" : "FAIL: growth past the bounds above", options.get("minutes", "30") + " min");
        return ok;
    }

    private static boolean check(String service, String what, long value, long bound, long baseline) {
        boolean ok = value <= bound;
        log("%s %s: %s %d (baseline %d, bound %d)", ok ? "ok  " : "FAIL", service, what, value, baseline, bound);
        return ok;
    }

    /** A client of {@code user} on its user channel; completes with null (counted as a failure) when refused. */
    private CompletableFuture<WebSocket> connect(String user, AtomicLong framesIn, AtomicLong failures) {
        String sub = subs.get(user);
        return http.newWebSocketBuilder().header("Authorization", "Bearer " + tokens.get(user)).connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(options.get("gateway", "ws://localhost:8090/ws")), new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket socket) {
                        socket.sendText("{\"op\":\"subscribe\",\"channel\":\"user:" + sub + "\"}", true);
                        socket.request(Long.MAX_VALUE);
                    }

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        if (last) {
                            framesIn.incrementAndGet();
                        }
                        return null;
                    }
                })
                .exceptionally(e -> {
                    failures.incrementAndGet();
                    return null;
                });
    }

    private static void keep(ConcurrentLinkedQueue<WebSocket> open, WebSocket socket) {
        if (socket != null) {
            open.add(socket);
        }
    }

    private void createJob(String user, AtomicLong created, AtomicLong failures) {
        String body = "{\"shopUrl\":\"" + options.get("shop", "http://localhost:8070/") + "\",\"templateId\":\"default\","
                + "\"crawlerConfig\":{\"maxProducts\":" + options.integer("products-per-job", 2) + "}}";
        http.sendAsync(HttpRequest.newBuilder(URI.create(options.get("job-api", "http://localhost:8080") + "/api/jobs"))
                        .header("Authorization", "Bearer " + tokens.get(user)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .thenAccept(response -> {
                    if (response.statusCode() == 202) {
                        created.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                    }
                });
    }

    /** What one service looks like now. */
    record Sample(long rss, long threads, long openFiles, long heapUsed, Map<String, Long> metrics) {
        long metric(String name) {
            return metrics.getOrDefault(name, -1L);
        }
    }

    private Map<String, Sample> sampleAll(boolean afterGc) throws Exception {
        Map<String, Sample> samples = new LinkedHashMap<>();
        for (String service : SERVICES) {
            long pid;
            try {
                pid = Long.parseLong(Files.readString(root.resolve(".stagewire/pids/" + service)).strip());
            } catch (IOException e) {
                continue;
            }
            if (afterGc) {
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid), "GC.run")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
            }
            Map<String, Long> status = procStatus(pid);
            long openFiles;
            try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
                openFiles = fds.count();
            } catch (IOException e) {
                continue;
            }
            Map<String, Long> metrics = metrics(PORTS.get(service));
            samples.put(service, new Sample(status.getOrDefault("VmRSS", 0L) * 1024, status.getOrDefault("Threads", 0L), openFiles,
                    metrics.getOrDefault("jvm_memory_used_bytes{area=\"heap\"}", -1L), metrics));
        }
        return samples;
    }

    private static Map<String, Long> procStatus(long pid) throws IOException {
        Map<String, Long> values = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            String[] parts = line.split(":\\s+", 2);
            if (parts.length == 2 && (parts[0].equals("VmRSS") || parts[0].equals("Threads"))) {
                values.put(parts[0], Long.parseLong(parts[1].replaceAll("[^0-9]", "")));
            }
        }
        return values;
    }

    /** Prometheus text from /q/metrics: sums per metric name (heap summed over its pools as well). */
    private Map<String, Long> metrics(int port) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Map<String, Long> values = metricsOnce(port);
            if (!values.isEmpty() || attempt == 3) {
                return values;
            }
            Thread.sleep(2_000);
        }
    }

    private Map<String, Long> metricsOnce(int port) {
        Map<String, Long> values = new HashMap<>();
        try {
            String text = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                int space = line.lastIndexOf(' ');
                String series = line.substring(0, space);
                long value = (long) Double.parseDouble(line.substring(space + 1));
                String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
                values.merge(name, value, Long::sum);
                if (name.equals("jvm_memory_used_bytes") && series.contains("area=\"heap\"")) {
                    values.merge("jvm_memory_used_bytes{area=\"heap\"}", value, Long::sum);
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            log("metrics of port %d unreadable: %s", port, e);
            return Map.of();
        }
        return values;
    }

    private static String table(Map<String, Sample> samples) {
        StringBuilder out = new StringBuilder("  service            RSS MiB  heap MiB  threads  files  extra\n");
        samples.forEach((service, s) -> out.append(String.format("  %-17s %8d %9d %8d %6d  %s%n", service, s.rss >> 20,
                s.heapUsed >> 20, s.threads, s.openFiles, extra(service, s))));
        return out.toString();
    }

    private static String extra(String service, Sample s) {
        return switch (service) {
            case "progress-gateway" -> "connections=" + s.metric("stagewire_gateway_connections") + " subscriptions="
                    + s.metric("stagewire_gateway_subscriptions") + " window=" + (s.metric("stagewire_gateway_window_bytes") >> 10) + "KiB";
            case "job-api" -> "lag=" + s.metric("stagewire_jobapi_events_lag");
            default -> "";
        };
    }

    private String token(String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + options.get("client", "stagewire-cli") + "&username=" + user + "&password="
                + URLEncoder.encode(options.get("password", user), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(options.get("keycloak", "http://localhost:8180") + "/realms/stagewire/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    private static String claim(String jwt, String name) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
        if (!m.find()) {
            throw new IllegalStateException("token has no " + name);
        }
        return m.group(1);
    }

    private static void log(String format, Object... args) {
        System.out.printf("%s %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
        System.out.flush();
    }
}
