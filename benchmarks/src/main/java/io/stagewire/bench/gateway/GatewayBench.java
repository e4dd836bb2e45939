package io.stagewire.bench.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * progress-gateway benchmark (issue 3, item 9). See benchmarks/README.md.
 *
 * <pre>
 * coordinator: benchmarks/run gateway --target gateway|socketio --connections N --rate M --duration T ...
 * worker     : started by the coordinator (one JVM per ~9k connections: RLIMIT_NOFILE is 20000 here)
 * </pre>
 *
 * Every phase is bounded in time; every loop is bounded in count; only 127.0.0.0/8 is contacted.
 */
public class GatewayBench {

    // ------------------------------------------------------------------------------------------
    // options
    // ------------------------------------------------------------------------------------------

    static Map<String, String> parse(String[] args, int from) {
        Map<String, String> options = new HashMap<>();
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true";
            options.put(key, value);
        }
        return options;
    }

    static String opt(Map<String, String> o, String key, String dflt) {
        return o.getOrDefault(key, dflt);
    }

    static int intOpt(Map<String, String> o, String key, int dflt) {
        return Integer.parseInt(o.getOrDefault(key, Integer.toString(dflt)));
    }

    static void requireLoopback(String host) {
        if (!(host.equals("localhost") || host.startsWith("127."))) {
            throw new IllegalArgumentException("only loopback targets are allowed: " + host);
        }
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("worker")) {
            new Worker(parse(args, 1)).run();
        } else {
            new Coordinator(parse(args, 0)).run();
        }
    }

    // ------------------------------------------------------------------------------------------
    // /proc sampling
    // ------------------------------------------------------------------------------------------

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status", e);
        }
        return -1;
    }

    /** utime + stime of a process in clock ticks (USER_HZ = 100 on Linux x86-64). */
    static long cpuTicks(long pid) {
        long[] ticks = userAndSystemTicks(pid);
        return ticks[0] + ticks[1];
    }

    /**
     * utime and stime of a process in clock ticks. The system part is mostly the socket writes (on loopback the kernel
     * also runs the receiving side's TCP in the writer's time): the floor below which no server that writes each
     * message on its own can go, whatever its own code costs.
     */
    static long[] userAndSystemTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat", e);
        }
    }

    static int threads(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------------
    // coordinator
    // ------------------------------------------------------------------------------------------

    static final class Coordinator {
        final Map<String, String> o;
        final String target;
        final URI url;
        final long pid;
        final int connections;
        final int jobs;
        final int userSubs;
        final int rate;
        final int duration;
        final int warmup;
        final int settle;
        final int procs;
        final boolean storm;
        /** Reconnect storm (issue 11): kill -9 the gateway mid-stream, restart it, every client resumes with since. */
        final boolean reconnect;
        final String run = "b" + Long.toString(System.currentTimeMillis(), 36);
        // HTTP/1.1: the default h2c upgrade header makes Engine.IO (attached to the peer's HTTP server) drop /publish.
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final PrintStream out = System.out;

        Coordinator(Map<String, String> o) {
            this.o = o;
            target = opt(o, "target", "gateway");
            url = URI.create(opt(o, "url", target.equals("gateway") ? "ws://127.0.0.1:8090/ws"
                    : "ws://127.0.0.1:18100/socket.io/?EIO=4&transport=websocket"));
            requireLoopback(url.getHost());
            pid = Long.parseLong(o.get("pid"));
            connections = intOpt(o, "connections", 1000);
            jobs = intOpt(o, "jobs", Math.max(1, connections / 100));
            userSubs = intOpt(o, "user-subs", 0);
            rate = intOpt(o, "rate", 1000);
            duration = Math.min(intOpt(o, "duration", 30), 180);
            warmup = intOpt(o, "warmup", 3);
            settle = intOpt(o, "settle", 5);
            procs = intOpt(o, "procs", Math.max(1, (connections + 8999) / 9000));
            storm = o.containsKey("storm");
            reconnect = o.containsKey("reconnect");
            if (reconnect && (!target.equals("gateway") || !o.containsKey("restart"))) {
                throw new IllegalArgumentException("--reconnect needs --target gateway and --restart '<command that execs the gateway>'");
            }
        }

        void log(String format, Object... args) {
            out.printf(Locale.ROOT, "[%s] %s%n", java.time.LocalTime.now().withNano(0), String.format(Locale.ROOT, format, args));
            out.flush();
        }

        void run() throws Exception {
            long t0 = System.nanoTime();
            log("run %s: target=%s url=%s pid=%d connections=%d jobs=%d user-subs=%d rate=%d/s duration=%ds procs=%d",
                    run, target, url, pid, connections, jobs, userSubs, rate, duration, procs);
            boolean gateway = target.equals("gateway");
            String[] subs = new String[2];
            String[] tokens = new String[2];
            String[] jobIds = new String[jobs];
            int[] owners = new int[jobs];
            String[] jobSince = new String[jobs];
            String userSince = null;
            KafkaProducer<String, byte[]> producer = null;
            for (int k = 0; k < jobs; k++) {
                jobIds[k] = run + "-" + k;
                owners[k] = k % 2;
            }
            if (gateway) {
                String[] users = opt(o, "users", "bob,carol").split(",");
                for (int u = 0; u < 2; u++) {
                    tokens[u] = token(users[u]);
                    subs[u] = claim(tokens[u], "sub");
                }
                log("tokens for %s (%s) and %s (%s)", users[0], subs[0], users[1], subs[1]);
                ensureTopic();
                producer = producer();
                // Seed one event per job, so the gateway knows each job's owner from events.
                List<Future<RecordMetadata>> seeded = new ArrayList<>();
                for (int k = 0; k < jobs; k++) {
                    seeded.add(producer.send(event(jobIds[k], subs[owners[k]], 0.0, nowMicros(), 0)));
                }
                producer.flush();
                int[] partitionOf = new int[jobs];
                for (int k = 0; k < jobs; k++) {
                    partitionOf[k] = seeded.get(k).get(10, TimeUnit.SECONDS).partition();
                }
                long[] end = endOffsets();
                for (int k = 0; k < jobs; k++) {
                    // "has everything up to the end of the job's partition": resume there, no replay.
                    // A storm subscribes without since: the snapshot path, as a page load does.
                    jobSince[k] = storm ? null : partitionOf[k] + "-" + (end[partitionOf[k]] - 1);
                }
                StringBuilder vector = new StringBuilder("U");
                int last = end.length - 1;
                while (last >= 0 && end[last] == 0) {
                    last--;
                }
                for (int p = 0; p <= last; p++) {
                    vector.append('.').append(Long.toString(end[p], 36));
                }
                userSince = vector.toString();
                log("seeded %d jobs; end offsets of %d partitions read", jobs, end.length);
                Thread.sleep(2000); // let the gateway consume the seed events
            } else {
                subs[0] = "bench-user-0";
                subs[1] = "bench-user-1";
            }

            // worker configuration
            Path dir = Files.createTempDirectory("stagewire-bench-");
            Properties conf = new Properties();
            conf.setProperty("target", target);
            conf.setProperty("url", url.toString());
            conf.setProperty("connections", Integer.toString(connections));
            conf.setProperty("procs", Integer.toString(procs));
            conf.setProperty("user-subs", Integer.toString(userSubs));
            conf.setProperty("sources", opt(o, "sources", "8"));
            conf.setProperty("connect-rate", Integer.toString(intOpt(o, "connect-rate", 2000) / procs));
            conf.setProperty("event-loops", opt(o, "client-event-loops", "2"));
            conf.setProperty("jobs", Integer.toString(jobs));
            conf.setProperty("storm", Boolean.toString(storm));
            conf.setProperty("reconnect", Boolean.toString(reconnect));
            conf.setProperty("reconnect-jitter-ms", opt(o, "reconnect-jitter-ms", "1000"));
            for (int u = 0; u < 2; u++) {
                conf.setProperty("sub." + u, subs[u]);
                if (tokens[u] != null) {
                    conf.setProperty("token." + u, tokens[u]);
                }
            }
            for (int k = 0; k < jobs; k++) {
                conf.setProperty("job." + k, jobIds[k] + " " + owners[k] + " " + (jobSince[k] == null ? "-" : jobSince[k]));
            }
            if (userSince != null && !storm) {
                conf.setProperty("user-since", userSince);
            }
            Path confFile = dir.resolve("worker.properties");
            try (var w = Files.newBufferedWriter(confFile)) {
                conf.store(w, "bench " + run);
            }

            Map<String, Double> metricsBefore = gateway ? metrics() : Map.of();
            System.gc();
            long rssBefore = rssKb(pid);
            int threadsBefore = threads(pid);
            log("server RSS before connecting: %d KiB (%d threads)", rssBefore, threadsBefore);

            // start workers
            List<WorkerProc> workers = new ArrayList<>();
            String java = ProcessHandle.current().info().command().orElse("java");
            for (int i = 0; i < procs; i++) {
                ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + opt(o, "client-xmx", "2g"), "-XX:+UseParallelGC",
                        "-cp", System.getProperty("java.class.path"), GatewayBench.class.getName(), "worker",
                        "--conf", confFile.toString(), "--shard", Integer.toString(i));
                pb.redirectError(ProcessBuilder.Redirect.INHERIT);
                workers.add(new WorkerProc(i, pb.start()));
            }
            int connectTimeout = intOpt(o, "connect-timeout", 60 + connections / Math.max(1, intOpt(o, "connect-rate", 2000)) * 2);
            long connectStart = System.nanoTime();
            int connected = 0;
            int subscribed = 0;
            int failed = 0;
            for (WorkerProc w : workers) {
                String[] ready = w.await("READY", connectTimeout + 30).split(" ");
                connected += Integer.parseInt(ready[1]);
                subscribed += Integer.parseInt(ready[2]);
                failed += Integer.parseInt(ready[3]);
            }
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            log("connected %d/%d (%d failed), %d subscriptions confirmed, in %.1f s", connected, connections, failed,
                    subscribed, connectSeconds);
            Thread.sleep(settle * 1000L);
            long rssIdle = rssKb(pid);
            int threadsIdle = threads(pid);
            double idlePerConn = connected == 0 ? 0 : (rssIdle - rssBefore) * 1024.0 / connected;
            log("server RSS idle: %d KiB (%d threads) -> %.0f bytes per connection", rssIdle, threadsIdle, idlePerConn);
            if (storm) {
                // Subscribe storm (issue 11): every connection subscribes at once, without since.
                long stormStart = System.nanoTime();
                for (WorkerProc w : workers) {
                    w.send("STORM");
                }
                int stormSubscribed = 0;
                long stormErrors = 0;
                double worstMillis = 0;
                ConcurrentHistogram waits = new ConcurrentHistogram(3_600_000L, 3);
                for (WorkerProc w : workers) {
                    String[] r = w.await("STORMED", 120).split(" ");
                    stormSubscribed += Integer.parseInt(r[1]);
                    stormErrors += Long.parseLong(r[2]);
                    worstMillis = Math.max(worstMillis, Double.parseDouble(r[3]));
                    waits.add(org.HdrHistogram.Histogram.decodeFromCompressedByteBuffer(
                            ByteBuffer.wrap(Base64.getDecoder().decode(r[4])), 0));
                }
                double wall = (System.nanoTime() - stormStart) / 1e6;
                log("storm: %d of %d subscriptions confirmed, %d errors; last after %.0f ms (p50 %d ms, p99 %d ms); wall %.0f ms",
                        stormSubscribed, connections + userSubs, stormErrors, worstMillis, waits.getValueAtPercentile(50),
                        waits.getValueAtPercentile(99), wall);
                for (WorkerProc w : workers) {
                    w.send("STOP");
                }
                for (WorkerProc w : workers) {
                    w.await("RESULT", 60);
                    w.process.waitFor(30, TimeUnit.SECONDS);
                }
                Map<String, Double> after = gateway ? metrics() : Map.of();
                Map<String, Object> r = new java.util.LinkedHashMap<>();
                r.put("run", run);
                r.put("mode", "storm");
                r.put("target", target);
                r.put("connections", connected);
                r.put("jobs", jobs);
                r.put("subscriptions", stormSubscribed);
                r.put("errors", stormErrors);
                r.put("lastSubscribedMs", Math.round(worstMillis));
                r.put("p50Ms", waits.getValueAtPercentile(50));
                r.put("p99Ms", waits.getValueAtPercentile(99));
                r.put("rssIdleKiB", rssIdle);
                if (gateway) {
                    r.put("resumesFromMemory", after.getOrDefault("stagewire_gateway_resumes_from_memory_total", 0.0)
                            - metricsBefore.getOrDefault("stagewire_gateway_resumes_from_memory_total", 0.0));
                }
                writeResult(r);
                return;
            }
            if (reconnect) {
                reconnectRun(workers, producer, jobIds, owners, subs, connected, rssIdle);
                return;
            }
            if (o.containsKey("idle-only")) {
                for (WorkerProc w : workers) {
                    w.send("STOP");
                }
                for (WorkerProc w : workers) {
                    w.await("RESULT", 60);
                    w.process.waitFor(30, TimeUnit.SECONDS);
                }
                writeResult(Map.of("run", run, "target", target, "connections", connected, "failed", failed,
                        "rssBeforeKiB", rssBefore, "rssIdleKiB", rssIdle, "idleBytesPerConnection", Math.round(idlePerConn)));
                return;
            }

            // event phase
            long cpu0 = cpuTicks(pid);
            long systemCpu0 = userAndSystemTicks(pid)[1];
            long clientCpu0 = workers.stream().mapToLong(w -> cpuTicks(w.process.pid())).sum();
            long recordFrom = nowMicros() + warmup * 1_000_000L;
            for (WorkerProc w : workers) {
                w.send("GO " + recordFrom);
            }
            // The gateway's own latency histogram from where the clients start recording, for the same messages.
            CompletableFuture<Map<String, Double>> metricsAtRecordFrom = gateway
                    ? CompletableFuture.supplyAsync(() -> {
                        LockSupport.parkNanos(warmup * 1_000_000_000L);
                        return metrics();
                    }, task -> Thread.ofVirtual().start(task))
                    : CompletableFuture.completedFuture(Map.of());
            AtomicLong rssBusyMax = new AtomicLong(rssIdle);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                for (int i = 0; i < duration * 4 + 40 && !Thread.currentThread().isInterrupted(); i++) {
                    rssBusyMax.accumulateAndGet(rssKb(pid), Math::max);
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long phaseStart = System.nanoTime();
            long produced;
            if (gateway) {
                produced = produce(producer, jobIds, owners, subs);
            } else {
                produced = publishSocketIo(jobIds, subs);
            }
            double phaseSeconds = (System.nanoTime() - phaseStart) / 1e9;
            long cpu1 = cpuTicks(pid);
            long systemCpu1 = userAndSystemTicks(pid)[1];
            long clientCpu1 = workers.stream().mapToLong(w -> cpuTicks(w.process.pid())).sum();
            Thread.sleep(intOpt(o, "drain", 3) * 1000L);
            sampler.interrupt();
            long received = 0;
            long recorded = 0;
            long errors = 0;
            Map<String, Long> closes = new TreeMap<>();
            Histogram latency = new Histogram(3_600_000_000L, 3);
            for (WorkerProc w : workers) {
                w.send("STOP");
            }
            for (WorkerProc w : workers) {
                String[] result = w.await("RESULT", 60).split(" ");
                received += Long.parseLong(result[1]);
                recorded += Long.parseLong(result[2]);
                errors += Long.parseLong(result[3]);
                if (!result[4].equals("-")) {
                    for (String kv : result[4].split(",")) {
                        String[] p = kv.split("=");
                        closes.merge(p[0], Long.parseLong(p[1]), Long::sum);
                    }
                }
                latency.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(result[5])), 0));
                w.process.waitFor(30, TimeUnit.SECONDS);
            }
            Map<String, Double> metricsAfter = gateway ? metrics() : Map.of();
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
            long rssEnd = rssKb(pid);
            long subscribersPerEvent = 0; // expected deliveries per produced event, averaged
            long[] perJob = new long[jobs];
            for (int c = 0; c < connected && c < connections; c++) {
                perJob[c % jobs]++;
            }
            int[] userSubscribers = new int[2];
            for (int c = 0; c < Math.min(userSubs, connections); c++) {
                userSubscribers[owners[c % jobs]]++;
            }
            double expected = 0;
            for (int k = 0; k < jobs; k++) {
                expected += perJob[k] + userSubscribers[owners[k]];
            }
            expected = expected / jobs * produced;
            double serverCores = (cpu1 - cpu0) / 100.0 / phaseSeconds;
            double clientCores = (clientCpu1 - clientCpu0) / 100.0 / phaseSeconds;
            double deliveredPerSecond = received / phaseSeconds;
            Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("run", run);
            r.put("target", target);
            r.put("label", opt(o, "label", ""));
            r.put("connections", connected);
            r.put("connectFailed", failed);
            r.put("subscriptions", subscribed);
            r.put("jobs", jobs);
            r.put("userSubs", userSubs);
            r.put("rate", rate);
            r.put("seconds", round(phaseSeconds));
            r.put("produced", produced);
            r.put("producedPerSecond", round(produced / phaseSeconds));
            r.put("expectedDeliveries", Math.round(expected));
            r.put("received", received);
            r.put("deliveredPerSecond", Math.round(deliveredPerSecond));
            r.put("serverCores", round(serverCores));
            r.put("serverSystemMicrosPerMessage", received == 0 ? 0 : round((systemCpu1 - systemCpu0) * 10_000.0 / received));
            r.put("serverMicrosPerMessage", received == 0 ? 0 : round((cpu1 - cpu0) * 10_000.0 / received));
            r.put("deliveredPerServerCoreSecond", serverCores == 0 ? 0 : Math.round(deliveredPerSecond / serverCores));
            r.put("clientCores", round(clientCores));
            r.put("latencySamples", recorded);
            r.put("p50ms", ms(latency.getValueAtPercentile(50)));
            r.put("p99ms", ms(latency.getValueAtPercentile(99)));
            r.put("p999ms", ms(latency.getValueAtPercentile(99.9)));
            r.put("maxMs", ms(latency.getMaxValue()));
            r.put("rssBeforeKiB", rssBefore);
            r.put("rssIdleKiB", rssIdle);
            r.put("rssBusyMaxKiB", rssBusyMax.get());
            r.put("rssEndKiB", rssEnd);
            r.put("idleBytesPerConnection", Math.round(idlePerConn));
            r.put("busyBytesPerConnection", connected == 0 ? 0 : Math.round((rssBusyMax.get() - rssBefore) * 1024.0 / connected));
            r.put("errorFrames", errors);
            r.put("closes", closes.toString());
            if (gateway) {
                for (String m : List.of("stagewire_gateway_events_in_total", "stagewire_gateway_events_out_total",
                        "stagewire_gateway_frames_written_total", "stagewire_gateway_progress_coalesced_total",
                        "stagewire_gateway_slow_consumer_closes_total", "stagewire_gateway_records_invalid_total")) {
                    r.put(m.replace("stagewire_gateway_", "gw_"), Math.round(metricsAfter.getOrDefault(m, 0.0) - metricsBefore.getOrDefault(m, 0.0)));
                }
                putServerLatency(r, metricsAtRecordFrom.join(), metricsAfter);
            }
            r.put("wallSeconds", round((System.nanoTime() - t0) / 1e9));
            writeResult(r);
        }

        /**
         * Reconnect storm: events flow (each with its per-job seq) while the gateway is killed with SIGKILL at
         * {@code --kill-at} s and started again by {@code --restart}; every client reconnects (full jitter,
         * exponential back-off) and resumes with the position of the last event it got. Reports when the
         * restarted gateway was ready, when the last client had resumed, and whether every client got
         * every event of its job exactly once, in order.
         */
        void reconnectRun(List<WorkerProc> workers, KafkaProducer<String, byte[]> producer, String[] jobIds, int[] owners, String[] subs,
                          int connected, long rssIdle) throws Exception {
            long recordFrom = nowMicros() + warmup * 1_000_000L;
            for (WorkerProc w : workers) {
                w.send("GO " + recordFrom);
            }
            int killAt = intOpt(o, "kill-at", Math.max(1, duration / 3));
            AtomicLong killed = new AtomicLong(), ready = new AtomicLong(), newPid = new AtomicLong(-1);
            Path gatewayLog = Files.createTempFile("stagewire-bench-gateway-", ".log");
            Thread killer = Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep(killAt * 1000L);
                    ProcessHandle gateway = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
                    gateway.destroyForcibly(); // SIGKILL: no drain, no goodbye frames
                    killed.set(nowMicros());
                    gateway.onExit().get(30, TimeUnit.SECONDS);
                    log("killed gateway %d (kill -9); restarting: %s", pid, o.get("restart"));
                    Process restarted = new ProcessBuilder("bash", "-c", o.get("restart")).redirectErrorStream(true)
                            .redirectOutput(gatewayLog.toFile()).start();
                    newPid.set(restarted.pid());
                    URI health = URI.create("http://" + url.getHost() + ":" + url.getPort() + "/q/health/ready");
                    long deadline = System.nanoTime() + 120_000_000_000L;
                    while (System.nanoTime() < deadline) {
                        try {
                            if (http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                                ready.set(nowMicros());
                                break;
                            }
                        } catch (IOException notYet) {
                            // not listening yet
                        }
                        Thread.sleep(50);
                    }
                    log("restarted gateway %d ready %.2f s after the kill (log %s)", newPid.get(), (ready.get() - killed.get()) / 1e6, gatewayLog);
                } catch (Exception e) {
                    log("kill/restart failed: %s", e);
                }
            });
            long produced = produce(producer, jobIds, owners, subs);
            killer.join(180_000);
            Thread.sleep(intOpt(o, "drain", 15) * 1000L);
            StringBuilder counts = new StringBuilder();
            for (int k = 0; k < jobIds.length; k++) {
                counts.append(k > 0 ? "," : "").append(produced / jobIds.length + (k < produced % jobIds.length ? 1 : 0));
            }
            for (WorkerProc w : workers) {
                w.send("STOP " + counts);
            }
            long resumed = 0, stillDown = 0, lastResumed = 0, duplicates = 0, gaps = 0, disorder = 0, missingAtEnd = 0, exact = 0,
                    notRecovered = 0, unavailable = 0, firstResumed = Long.MAX_VALUE;
            Histogram latency = new Histogram(3_600_000_000L, 3);
            for (WorkerProc w : workers) {
                String[] result = w.await("RESULT", 60).split(" ");
                latency.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(result[5])), 0));
                String[] rs = w.await("RESUMED", 60).split(" ");
                resumed += Long.parseLong(rs[1]);
                stillDown += Long.parseLong(rs[2]);
                lastResumed = Math.max(lastResumed, Long.parseLong(rs[3]));
                duplicates += Long.parseLong(rs[4]);
                gaps += Long.parseLong(rs[5]);
                disorder += Long.parseLong(rs[6]);
                missingAtEnd += Long.parseLong(rs[7]);
                exact += Long.parseLong(rs[8]);
                notRecovered += Long.parseLong(rs[9]);
                unavailable += Long.parseLong(rs[10]);
                long first = Long.parseLong(rs[11]);
                firstResumed = first == 0 ? firstResumed : Math.min(firstResumed, first);
                w.process.waitFor(30, TimeUnit.SECONDS);
            }
            producer.close(Duration.ofSeconds(5));
            Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("run", run);
            r.put("mode", "reconnect");
            r.put("label", opt(o, "label", ""));
            r.put("connections", connected);
            r.put("jobs", jobIds.length);
            r.put("rate", rate);
            r.put("produced", produced);
            // /q/health/ready answers late while the storm's handshakes fill the event loops: the resume times are
            // also given from the kill (the gateway's log says when it was listening and live).
            r.put("readyAfterKillS", round((ready.get() - killed.get()) / 1e6));
            r.put("firstResumedAfterKillS", firstResumed == Long.MAX_VALUE ? -1 : round((firstResumed - killed.get()) / 1e6));
            r.put("lastResumedAfterKillS", lastResumed == 0 ? -1 : round((lastResumed - killed.get()) / 1e6));
            r.put("lastResumedAfterReadyS", lastResumed == 0 || ready.get() == 0 ? -1 : round((lastResumed - ready.get()) / 1e6));
            r.put("resumed", resumed);
            r.put("notResumed", stillDown);
            r.put("exactlyOnceInOrder", exact);
            r.put("duplicates", duplicates);
            r.put("gaps", gaps);
            r.put("outOfOrder", disorder);
            r.put("missingAtEnd", missingAtEnd);
            r.put("recoveredFalse", notRecovered);
            r.put("unavailableRetries", unavailable);
            r.put("p50ms", ms(latency.getValueAtPercentile(50)));
            r.put("p99ms", ms(latency.getValueAtPercentile(99)));
            r.put("maxMs", ms(latency.getMaxValue()));
            r.put("rssIdleKiB", rssIdle);
            r.put("restartedPid", newPid.get());
            writeResult(r);
        }

        static double round(double v) {
            return Math.round(v * 100) / 100.0;
        }

        static double ms(long micros) {
            return Math.round(micros / 10.0) / 100.0;
        }

        void writeResult(Map<String, Object> r) throws IOException {
            StringBuilder json = new StringBuilder("{");
            r.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ")
                    .append(v instanceof String s ? '"' + s + '"' : String.valueOf(v)));
            json.append('}');
            log("RESULT %s", json);
            String file = o.get("out");
            if (file != null) {
                Files.writeString(Path.of(file), json + "\n", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        }

        // ---- keycloak ----

        String token(String user) throws Exception {
            String keycloak = opt(o, "keycloak", "http://localhost:8180");
            requireLoopback(URI.create(keycloak).getHost());
            String form = "grant_type=password&client_id=stagewire-cli&username=" + user + "&password=" + user;
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(keycloak + "/realms/stagewire/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
            }
            return m.group(1);
        }

        static String claim(String jwt, String name) {
            String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
            if (!m.find()) {
                throw new IllegalStateException("token has no " + name);
            }
            return m.group(1);
        }

        // ---- kafka ----

        KafkaProducer<String, byte[]> producer() {
            Properties p = new Properties();
            p.put("bootstrap.servers", opt(o, "kafka", "127.0.0.1:9092"));
            p.put("acks", "1");
            p.put("linger.ms", opt(o, "linger-ms", "1"));
            p.put("enable.idempotence", "false");
            p.put("client.id", "stagewire-bench");
            return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }

        long[] endOffsets() {
            Properties p = new Properties();
            p.put("bootstrap.servers", opt(o, "kafka", "127.0.0.1:9092"));
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
                List<PartitionInfo> infos = consumer.partitionsFor(opt(o, "topic", "job.events"), Duration.ofSeconds(10));
                List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                long[] offsets = new long[partitions.size()];
                end.forEach((tp, offset) -> offsets[tp.partition()] = offset);
                return offsets;
            }
        }

        final AtomicLong eventSeq = new AtomicLong();

        /** An event of the job; {@code seq} (1, 2, … per job; 0: none) lets a client check every event arrived once, in order. */
        ProducerRecord<String, byte[]> event(String jobId, String owner, double progress, long sentAtMicros, long seq) {
            RecordHeaders h = new RecordHeaders();
            h.add("ce_specversion", bytes("1.0"));
            h.add("ce_id", bytes(run + "-e" + eventSeq.incrementAndGet()));
            h.add("ce_source", bytes("/stagewire/bench"));
            h.add("ce_type", bytes(eventType()));
            h.add("ce_subject", bytes(jobId));
            h.add("ce_userid", bytes(owner));
            h.add("ce_time", bytes(Instant.ofEpochSecond(sentAtMicros / 1_000_000, (sentAtMicros % 1_000_000) * 1000).toString()));
            h.add("content-type", bytes("application/json"));
            String seqField = seq > 0 ? "\"seq\":" + seq + "," : "";
            String data = eventType().equals("ocr:progress")
                    ? String.format(Locale.ROOT, "{\"screenshotId\":\"s%d\",%s\"progress\":%.1f,\"sentAt\":%d}", eventSeq.get() % 100, seqField, progress, sentAtMicros)
                    : String.format(Locale.ROOT, "{%s\"progress\":%.1f,\"sentAt\":%d}", seqField, progress, sentAtMicros);
            return new ProducerRecord<>(opt(o, "topic", "job.events"), null, jobId, bytes(data), h);
        }

        /** job:progress (coalescible, the default) or ocr:progress (never coalesced: a cleaner msg/s figure). */
        String eventType() {
            String type = opt(o, "event-type", "job:progress");
            if (!type.equals("job:progress") && !type.equals("ocr:progress")) {
                throw new IllegalArgumentException("--event-type is job:progress or ocr:progress");
            }
            return type;
        }

        /** Creates --topic (with --partitions) when it does not exist, so a bench can run on a topic of its own. */
        void ensureTopic() throws Exception {
            String topic = opt(o, "topic", "job.events");
            Properties p = new Properties();
            p.put("bootstrap.servers", opt(o, "kafka", "127.0.0.1:9092"));
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
                if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                    int partitions = intOpt(o, "partitions", 12);
                    admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1)))
                            .all().get(10, TimeUnit.SECONDS);
                    log("created topic %s with %d partitions", topic, partitions);
                    Thread.sleep(1000);
                }
            }
        }

        static byte[] bytes(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }

        /** Sends rate events/s round-robin over the jobs for duration seconds; returns how many were sent. */
        long produce(KafkaProducer<String, byte[]> producer, String[] jobIds, int[] owners, String[] subs) {
            long total = (long) rate * duration;
            long start = System.nanoTime();
            long deadline = start + (duration + 10) * 1_000_000_000L;
            long sent = 0;
            while (sent < total && System.nanoTime() < deadline) {
                long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
                while (sent < due) {
                    int k = (int) (sent % jobIds.length);
                    double progress = (sent / jobIds.length) % 1000 / 10.0;
                    producer.send(event(jobIds[k], subs[owners[k]], progress, nowMicros(), sent / jobIds.length + 1));
                    sent++;
                }
                LockSupport.parkNanos(200_000);
            }
            producer.flush();
            log("produced %d events", sent);
            return sent;
        }

        /** Asks the Socket.IO peer to emit the same load to its rooms; blocks until it is done. */
        long publishSocketIo(String[] jobIds, String[] subs) throws Exception {
            String control = opt(o, "control", "http://127.0.0.1:18100");
            requireLoopback(URI.create(control).getHost());
            StringBuilder body = new StringBuilder("{\"rate\":" + rate + ",\"duration\":" + duration
                    + ",\"type\":\"" + eventType() + "\",\"users\":[\""
                    + subs[0] + "\",\"" + subs[1] + "\"],\"jobs\":[");
            for (int k = 0; k < jobIds.length; k++) {
                body.append(k > 0 ? "," : "").append("[\"").append(jobIds[k]).append("\",").append(k % 2).append(']');
            }
            body.append("]}");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(control + "/publish"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(duration + 30))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"sent\":(\\d+)").matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("publish failed: " + response.statusCode() + " " + response.body());
            }
            log("socket.io peer emitted %s events", m.group(1));
            return Long.parseLong(m.group(1));
        }

        private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");
        private static final String DELIVERY_BUCKET = "stagewire_gateway_delivery_latency_seconds_bucket";

        /**
         * The gateway's own view of the same messages: from the event's time to the frame written to the socket
         * ({@code stagewire_gateway_delivery_latency_seconds}), over what was written between two scrapes. Only bucket
         * bounds are known: the bound the 50th and 99th percentile fall under, and the share written within 30 ms (the
         * issue's p99 target). What the clients see on top of it is the time the written frame took to be read.
         */
        static void putServerLatency(Map<String, Object> r, Map<String, Double> before, Map<String, Double> after) {
            TreeMap<Double, Double> buckets = new TreeMap<>();
            after.forEach((key, value) -> {
                if (key.startsWith(DELIVERY_BUCKET + "{") && !key.contains("+Inf")) {
                    String le = key.substring(DELIVERY_BUCKET.length() + 1, key.length() - 1);
                    buckets.put(Double.parseDouble(le) * 1000, value - before.getOrDefault(key, 0.0));
                }
            });
            double total = after.getOrDefault(DELIVERY_BUCKET + "{+Inf}", 0.0) - before.getOrDefault(DELIVERY_BUCKET + "{+Inf}", 0.0);
            if (total <= 0 || buckets.isEmpty()) {
                return;
            }
            r.put("serverP50UpToMs", bucketBound(buckets, total, 0.50));
            r.put("serverP99UpToMs", bucketBound(buckets, total, 0.99));
            Double within30 = buckets.get(30.0);
            if (within30 != null) {
                r.put("serverWithin30msPercent", Math.round(within30 * 10_000.0 / total) / 100.0);
            }
        }

        private static Object bucketBound(TreeMap<Double, Double> cumulative, double total, double quantile) {
            for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
                if (bucket.getValue() >= quantile * total) {
                    return bucket.getKey();
                }
            }
            return "more than " + cumulative.lastKey();
        }

        Map<String, Double> metrics() {
            String base = "http://" + url.getHost() + ":" + url.getPort() + "/q/metrics";
            Map<String, Double> values = new HashMap<>();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                for (String line : response.body().split("\n")) {
                    if (line.startsWith("stagewire_gateway_")) {
                        String name = line.split("[{ ]", 2)[0];
                        // A histogram's buckets are kept apart (name{le}), every other series summed by name.
                        Matcher le = LE.matcher(line);
                        if (name.endsWith("_bucket") && le.find()) {
                            name = name + "{" + le.group(1) + "}";
                        }
                        String value = line.substring(line.lastIndexOf(' ') + 1);
                        values.merge(name, Double.parseDouble(value), Double::sum);
                    }
                }
            } catch (Exception e) {
                log("metrics unavailable: %s", e);
            }
            return values;
        }
    }

    /** A worker JVM and the lines it prints. */
    static final class WorkerProc {
        final int index;
        final Process process;
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        WorkerProc(int index, Process process) {
            this.index = index;
            this.process = process;
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        if (line.startsWith("READY") || line.startsWith("RESULT") || line.startsWith("STORMED") || line.startsWith("RESUMED")) {
                            lines.add(line);
                        } else {
                            System.out.println("  [worker " + index + "] " + line);
                        }
                    }
                } catch (IOException ignored) {
                }
            });
        }

        String await(String prefix, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                for (String line : lines) {
                    if (line.startsWith(prefix)) {
                        lines.remove(line);
                        return line;
                    }
                }
                if (!process.isAlive() && lines.isEmpty()) {
                    throw new IllegalStateException("worker " + index + " exited with " + process.exitValue());
                }
                Thread.sleep(50);
            }
            process.destroy();
            throw new IllegalStateException("worker " + index + " did not report " + prefix + " within " + seconds + " s");
        }

        void send(String command) throws IOException {
            process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }
    }

    // ------------------------------------------------------------------------------------------
    // worker: holds a shard of the client connections
    // ------------------------------------------------------------------------------------------

    static final class Worker {
        final Properties conf = new Properties();
        final int shard;
        final boolean socketIo;
        final ConcurrentHistogram latency = new ConcurrentHistogram(3_600_000_000L, 3);
        final LongAdder received = new LongAdder();
        final LongAdder recorded = new LongAdder();
        final LongAdder errors = new LongAdder();
        final AtomicInteger subscribed = new AtomicInteger();
        final AtomicInteger connected = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger printedErrors = new AtomicInteger();
        final Map<String, LongAdder> closes = new ConcurrentHashMap<>();
        final List<WebSocket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile long recordFrom = Long.MAX_VALUE;
        volatile boolean counting;
        final boolean storm;
        final Map<WebSocket, List<String>> held = new ConcurrentHashMap<>();
        final ConcurrentHistogram stormWaits = new ConcurrentHistogram(3_600_000L, 3);
        volatile long stormStart;
        final boolean reconnect;
        final List<Conn> conns = java.util.Collections.synchronizedList(new ArrayList<>());
        final LongAdder duplicates = new LongAdder(), gaps = new LongAdder(), disorder = new LongAdder(), notRecovered = new LongAdder(),
                unavailable = new LongAdder();
        final AtomicLong lastResumed = new AtomicLong(), firstResumed = new AtomicLong(Long.MAX_VALUE);
        volatile boolean stopping;
        Vertx vertx;

        /** One client of the reconnect storm: its job channel, where it is, what it got. Touched on its event loop only. */
        static final class Conn {
            final String channel;
            final int job;
            final WebSocketClient client;
            final WebSocketConnectOptions options;
            String position;
            long lastSeq;
            boolean broken;
            boolean down;
            int attempts;
            WebSocket ws;

            Conn(String channel, int job, String since, WebSocketClient client, WebSocketConnectOptions options) {
                this.channel = channel;
                this.job = job;
                this.position = since;
                this.client = client;
                this.options = options;
            }

            String subscribe() {
                return "{\"op\":\"subscribe\",\"channel\":\"" + channel + "\"" + (position == null ? "" : ",\"since\":\"" + position + "\"") + "}";
            }
        }

        Worker(Map<String, String> o) throws IOException {
            try (var r = Files.newBufferedReader(Path.of(o.get("conf")))) {
                conf.load(r);
            }
            shard = Integer.parseInt(o.get("shard"));
            socketIo = conf.getProperty("target").equals("socketio");
            storm = Boolean.parseBoolean(conf.getProperty("storm", "false"));
            reconnect = Boolean.parseBoolean(conf.getProperty("reconnect", "false"));
        }

        void run() throws Exception {
            URI url = URI.create(conf.getProperty("url"));
            requireLoopback(url.getHost());
            int connections = Integer.parseInt(conf.getProperty("connections"));
            int procs = Integer.parseInt(conf.getProperty("procs"));
            int userSubs = Integer.parseInt(conf.getProperty("user-subs"));
            int sources = Integer.parseInt(conf.getProperty("sources"));
            int connectRate = Math.max(1, Integer.parseInt(conf.getProperty("connect-rate")));
            int jobs = Integer.parseInt(conf.getProperty("jobs"));
            String[][] job = new String[jobs][];
            for (int k = 0; k < jobs; k++) {
                job[k] = conf.getProperty("job." + k).split(" ");
            }
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Integer.parseInt(conf.getProperty("event-loops")))
                    .setBlockedThreadCheckInterval(60_000));
            WebSocketClient[] clients = new WebSocketClient[sources];
            for (int s = 0; s < sources; s++) {
                clients[s] = vertx.createWebSocketClient(new WebSocketClientOptions()
                        .setLocalAddress("127.0.0." + (2 + s))
                        .setMaxConnections(100_000)
                        .setConnectTimeout(30_000)
                        .setMaxFrameSize(65536).setMaxMessageSize(262144));
            }
            List<Integer> mine = new ArrayList<>();
            for (int c = shard; c < connections; c += procs) {
                mine.add(c);
            }
            int expectedSubscriptions = 0;
            for (int c : mine) {
                expectedSubscriptions += 1 + (c < userSubs ? 1 : 0);
            }
            int stormSubscriptions = expectedSubscriptions;
            if (storm) {
                expectedSubscriptions = 0;
            }
            AtomicInteger done = new AtomicInteger();
            long connectStart = System.nanoTime();
            int perTick = Math.max(1, connectRate / 100);
            for (int i = 0; i < mine.size(); i += perTick) {
                long due = connectStart + (long) (i / (double) connectRate * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                for (int j = i; j < Math.min(mine.size(), i + perTick); j++) {
                    int c = mine.get(j);
                    String[] jb = job[c % jobs];
                    int owner = Integer.parseInt(jb[1]);
                    String sub = conf.getProperty("sub." + owner);
                    WebSocketConnectOptions co = new WebSocketConnectOptions()
                            .setHost(url.getHost()).setPort(url.getPort())
                            .setURI(url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()))
                            .setAllowOriginHeader(false);
                    if (!socketIo) {
                        co.addHeader("Authorization", "Bearer " + conf.getProperty("token." + owner));
                    }
                    List<String> subscribes = new ArrayList<>();
                    if (socketIo) {
                        subscribes.add("42[\"subscribe\",\"job:" + jb[0] + "\"]");
                        if (c < userSubs) {
                            subscribes.add("42[\"subscribe\",\"user:" + sub + "\"]");
                        }
                    } else {
                        subscribes.add("{\"op\":\"subscribe\",\"channel\":\"job:" + jb[0] + "\"" + (jb[2].equals("-") ? "" : ",\"since\":\"" + jb[2] + "\"") + "}");
                        if (c < userSubs) {
                            String since = conf.getProperty("user-since");
                            subscribes.add("{\"op\":\"subscribe\",\"channel\":\"user:" + sub + "\"" + (since == null ? "" : ",\"since\":\"" + since + "\"") + "}");
                        }
                    }
                    if (reconnect) {
                        Conn conn = new Conn("job:" + jb[0], c % jobs, jb[2].equals("-") ? null : jb[2], clients[c % sources], co);
                        conns.add(conn);
                        connect(conn, done);
                        continue;
                    }
                    clients[c % sources].connect(co).onComplete(ar -> {
                        done.incrementAndGet();
                        if (ar.failed()) {
                            if (failed.incrementAndGet() <= 5) {
                                System.out.println("connect failed: " + ar.cause());
                            }
                            return;
                        }
                        connected.incrementAndGet();
                        WebSocket ws = ar.result();
                        sockets.add(ws);
                        ws.closeHandler(v -> {
                            String code = String.valueOf(ws.closeStatusCode());
                            closes.computeIfAbsent(code, x -> new LongAdder()).increment();
                        });
                        ws.exceptionHandler(t -> { });
                        ws.textMessageHandler(text -> onText(ws, text, subscribes));
                        if (storm) {
                            held.put(ws, subscribes);
                        } else if (!socketIo) {
                            for (String s : subscribes) {
                                ws.writeTextMessage(s);
                            }
                        }
                    });
                }
            }
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < deadline && (done.get() < mine.size() || subscribed.get() < expectedSubscriptions - 0)) {
                if (done.get() >= mine.size() && subscribed.get() + errors.intValue() >= expectedSubscriptions
                        - (failed.get() * 2)) {
                    break;
                }
                Thread.sleep(100);
            }
            System.out.println("READY " + connected.get() + " " + subscribed.get() + " " + failed.get());
            System.out.flush();

            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            String line;
            long stopBy = System.nanoTime() + 600_000_000_000L; // a worker never lives past 10 minutes of commands
            while ((line = in.readLine()) != null && System.nanoTime() < stopBy) {
                if (line.equals("STORM")) {
                    stormStart = System.nanoTime();
                    held.forEach((ws, subscribes) -> {
                        for (String sub : subscribes) {
                            ws.writeTextMessage(sub);
                        }
                    });
                    long stormDeadline = stormStart + 90_000_000_000L;
                    while (subscribed.get() + errors.intValue() < stormSubscriptions - failed.get() && System.nanoTime() < stormDeadline) {
                        Thread.sleep(5);
                    }
                    ByteBuffer buf = ByteBuffer.allocate(stormWaits.getNeededByteBufferCapacity());
                    int len = stormWaits.copy().encodeIntoCompressedByteBuffer(buf);
                    System.out.println("STORMED " + subscribed.get() + " " + errors.sum() + " " + stormWaits.getMaxValue() + " "
                            + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), len)));
                    System.out.flush();
                } else if (line.startsWith("GO ")) {
                    received.reset();
                    recorded.reset();
                    recordFrom = Long.parseLong(line.substring(3));
                    counting = true;
                } else if (line.startsWith("STOP")) {
                    stopping = true;
                    counting = false;
                    recordFrom = Long.MAX_VALUE;
                    StringBuilder cl = new StringBuilder();
                    closes.forEach((k, v) -> cl.append(cl.length() > 0 ? "," : "").append(k).append('=').append(v.sum()));
                    ByteBuffer buf = ByteBuffer.allocate(latency.getNeededByteBufferCapacity());
                    int len = latency.copy().encodeIntoCompressedByteBuffer(buf);
                    String hist = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), len));
                    System.out.println("RESULT " + received.sum() + " " + recorded.sum() + " " + errors.sum() + " "
                            + (cl.length() == 0 ? "-" : cl) + " " + hist);
                    if (reconnect) {
                        System.out.println(resumedReport(line.substring(4).trim().split(",")));
                    }
                    System.out.flush();
                    break;
                }
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            System.exit(0);
        }

        void onText(WebSocket ws, String text, List<String> subscribes) {
            int at = text.indexOf("\"sentAt\":");
            if (at >= 0) {
                long now = nowMicros();
                long sent = 0;
                for (int i = at + 9; i < text.length(); i++) {
                    char ch = text.charAt(i);
                    if (ch < '0' || ch > '9') {
                        break;
                    }
                    sent = sent * 10 + (ch - '0');
                }
                if (counting) {
                    received.increment();
                }
                if (sent >= recordFrom) {
                    latency.recordValue(Math.max(0, now - sent));
                    recorded.increment();
                }
                return;
            }
            if (socketIo) {
                if (text.equals("2")) {
                    ws.writeTextMessage("3");
                } else if (text.startsWith("0{")) {
                    ws.writeTextMessage("40");
                } else if (text.startsWith("40")) {
                    if (!storm) {
                        for (String s : subscribes) {
                            ws.writeTextMessage(s);
                        }
                    }
                } else if (text.startsWith("42[\"subscribed\"")) {
                    stormConfirmed();
                    subscribed.incrementAndGet();
                } else {
                    unexpected(text);
                }
                return;
            }
            if (text.startsWith("{\"type\":\"subscribed\"")) {
                stormConfirmed();
                subscribed.incrementAndGet();
            } else if (text.startsWith("{\"type\":\"error\"")) {
                errors.increment();
                unexpected(text);
            } else if (!text.startsWith("{\"type\":\"snapshot\"") && !text.startsWith("{\"type\":\"pong\"")) {
                unexpected(text);
            }
        }

        /** Connects (again) and subscribes from the last position; on a lost connection, tries again with back-off. */
        void connect(Conn conn, AtomicInteger firstDone) {
            conn.client.connect(conn.options).onComplete(ar -> {
                if (firstDone != null) {
                    firstDone.incrementAndGet();
                }
                if (ar.failed()) {
                    if (firstDone != null && failed.incrementAndGet() <= 5) {
                        System.out.println("connect failed: " + ar.cause());
                    }
                    retry(conn);
                    return;
                }
                if (firstDone != null) {
                    connected.incrementAndGet();
                }
                WebSocket ws = ar.result();
                conn.ws = ws;
                conn.attempts = 0;
                ws.exceptionHandler(t -> { });
                ws.closeHandler(v -> {
                    closes.computeIfAbsent(String.valueOf(ws.closeStatusCode()), x -> new LongAdder()).increment();
                    if (conn.ws == ws) {
                        conn.down = true;
                        retry(conn);
                    }
                });
                ws.textMessageHandler(text -> onResumeText(conn, text));
                ws.writeTextMessage(conn.subscribe());
            });
        }

        /** Full jitter, doubling up to 5 s, as browser SDKs reconnect: first try within --reconnect-jitter-ms. */
        void retry(Conn conn) {
            if (stopping) {
                return;
            }
            long cap = Math.min(5000, Long.parseLong(conf.getProperty("reconnect-jitter-ms")) << Math.min(conn.attempts, 3));
            conn.attempts++;
            vertx.setTimer(1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(Math.max(1, cap)), t -> connect(conn, null));
        }

        void onResumeText(Conn conn, String text) {
            int at = text.indexOf("\"seq\":");
            if (at >= 0 && text.startsWith("{\"type\":\"") && !text.startsWith("{\"type\":\"snapshot\"")) {
                long seq = digits(text, at + 6);
                if (seq == conn.lastSeq + 1) {
                    conn.lastSeq = seq;
                } else if (seq <= conn.lastSeq) {
                    duplicates.increment();
                    conn.broken = true;
                } else {
                    gaps.add(seq - conn.lastSeq - 1);
                    conn.broken = true;
                    conn.lastSeq = seq;
                }
                int p = text.indexOf("\"position\":\"");
                if (p >= 0) {
                    conn.position = text.substring(p + 12, text.indexOf('"', p + 12));
                }
                onText(conn.ws, text, List.of()); // latency and counts
                return;
            }
            if (text.startsWith("{\"type\":\"subscribed\"")) {
                if (text.contains("\"recovered\":false")) {
                    notRecovered.increment();
                    conn.broken = true;
                }
                if (conn.down) {
                    conn.down = false;
                    long now = nowMicros();
                    lastResumed.accumulateAndGet(now, Math::max);
                    firstResumed.accumulateAndGet(now, Math::min);
                } else {
                    subscribed.incrementAndGet();
                }
            } else if (text.startsWith("{\"type\":\"error\"") && text.contains("unavailable")) {
                // the restarted gateway is still refilling its window: ask again shortly
                unavailable.increment();
                WebSocket ws = conn.ws;
                vertx.setTimer(200 + java.util.concurrent.ThreadLocalRandom.current().nextLong(500), t -> {
                    if (conn.ws == ws && !stopping) {
                        ws.writeTextMessage(conn.subscribe());
                    }
                });
            } else if (!text.startsWith("{\"type\":\"snapshot\"") && !text.startsWith("{\"type\":\"pong\"")) {
                errors.increment();
                unexpected(text);
            }
        }

        static long digits(String text, int from) {
            long value = 0;
            for (int i = from; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch < '0' || ch > '9') {
                    break;
                }
                value = value * 10 + (ch - '0');
            }
            return value;
        }

        /** RESUMED resumed stillDown lastResumedMicros duplicates gaps outOfOrder missingAtEnd exact recoveredFalse unavailable firstResumedMicros */
        String resumedReport(String[] expectedPerJob) {
            long resumed = 0, down = 0, missing = 0, exact = 0;
            synchronized (conns) {
                for (Conn conn : conns) {
                    long expected = Long.parseLong(expectedPerJob[conn.job]);
                    if (conn.down) {
                        down++;
                    } else {
                        resumed++;
                    }
                    missing += Math.max(0, expected - conn.lastSeq);
                    if (!conn.broken && conn.lastSeq == expected) {
                        exact++;
                    }
                }
            }
            return "RESUMED " + resumed + " " + down + " " + lastResumed.get() + " " + duplicates.sum() + " " + gaps.sum() + " "
                    + disorder.sum() + " " + missing + " " + exact + " " + notRecovered.sum() + " " + unavailable.sum() + " "
                    + (firstResumed.get() == Long.MAX_VALUE ? 0 : firstResumed.get());
        }

        /** A subscription confirmed during a storm: its wait since the storm began. */
        void stormConfirmed() {
            if (storm && stormStart != 0) {
                stormWaits.recordValue(Math.max(0, (System.nanoTime() - stormStart) / 1_000_000));
            }
        }

        void unexpected(String text) {
            if (printedErrors.incrementAndGet() <= 5) {
                System.out.println("frame: " + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
            }
        }
    }
}
