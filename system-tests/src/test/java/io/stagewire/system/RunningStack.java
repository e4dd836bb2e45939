package io.stagewire.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The five services, running from the jars this build made, before the first system test.
 *
 * <p>Started through {@code ./stagewire services}, which starts what is down, restarts what it started from an older jar
 * and leaves the rest alone; {@code ./stagewire test} stops what it started when the run ends. Before a service's first
 * start its consumer group is moved to the end of its topic: the module tests before this one left records on the shared
 * topics that belong to their own test database, and a fresh group would otherwise work through all of them first.
 */
public final class RunningStack implements BeforeAllCallback {

    public static final String JOB_API = "http://localhost:8080";
    public static final String GATEWAY_WS = "ws://localhost:8090/ws";
    public static final String DEMO_SHOP = "http://localhost:8070/";

    /** Each service's consumer group and the topic it reads (the gateway reads without a group). */
    private static final List<GroupOnTopic> GROUPS = List.of(
            new GroupOnTopic("job-api", "job.events"),
            new GroupOnTopic("crawler-worker", "crawl.requests"),
            new GroupOnTopic("ocr-worker", "ocr.requests"),
            new GroupOnTopic("label-worker", "label.requests"));

    record GroupOnTopic(String group, String topic) {
    }

    private static boolean started;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (RunningStack.class) {
            if (!started) {
                ConsumerGroups.skipToEndUnlessRunning(GROUPS);
                stagewire("services");
                started = true;
            }
        }
    }

    /** Kills a service hard (SIGKILL), as a crashed pod would die: no shutdown hook, no offset commit. */
    public static void kill(String service) {
        try {
            long pid = Long.parseLong(Files.readString(root().resolve(".stagewire/pids/" + service)).strip());
            ProcessHandle process = ProcessHandle.of(pid)
                    .orElseThrow(() -> new IllegalStateException(service + " (pid " + pid + ") is not running"));
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not kill " + service, e);
        }
    }

    /**
     * Skips the test unless {@code ./stagewire outage part} may touch that part: Kafka only when this checkout started
     * it (a broker someone else runs is not ours to kill); the services' database always.
     */
    public static void assumeOutagePossible(String part) {
        if (part.equals("kafka")) {
            Path pid = root().resolve(".stagewire/pids/kafka");
            boolean ours = Files.exists(pid) && readPid(pid).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
            Assumptions.assumeTrue(ours, "Kafka was not started by this checkout's ./stagewire: not ours to kill");
        }
    }

    /** {@code part} (kafka, postgres) unavailable for {@code seconds}, then back; returns once it is (docs/reliability.md). */
    public static void outage(String part, int seconds) {
        stagewire("outage", part, Integer.toString(seconds));
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts every service that is down and waits until each is ready. One start at a time: tests that kill services
     * concurrently each call this, and two starts of one service would race for its port. A service another test
     * kills while this start waits for it makes the start give up ("exited during start-up"): then once more, which
     * starts that one too.
     */
    public static synchronized void startMissing() {
        try {
            stagewire("services");
        } catch (IllegalStateException killedMeanwhile) {
            stagewire("services");
        }
    }

    static Path root() {
        return Path.of(System.getProperty("stagewire.root", "..")).toAbsolutePath().normalize();
    }

    private static void stagewire(String... args) {
        List<String> command = new ArrayList<>(List.of(root().resolve("stagewire").toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(root().toFile()).inheritIO().start();
            if (!process.waitFor(Duration.ofMinutes(4).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./stagewire " + String.join(" ", args) + " did not finish in 4 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./stagewire " + String.join(" ", args) + " exited " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
