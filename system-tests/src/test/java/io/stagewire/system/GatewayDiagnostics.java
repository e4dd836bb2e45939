package io.stagewire.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What the running gateway was doing, for a test that waited in vain for its frames: the threads that set subscriptions
 * up, the live stream's and the event loops' stacks, and its log's set-up, warning and error lines. The whole thread dump
 * goes to {@code target/}; the message carries the parts that say where a subscription stopped.
 */
public final class GatewayDiagnostics {
    private static final Pattern THREADS = Pattern.compile("^\"(subscription-setup|job-events-live|vert\\.x-eventloop).*");
    private static final Pattern LOG_LINES = Pattern.compile(".*(set up|ERROR|WARN|Exception|Caused by|Error).*");
    private static final int FRAMES_PER_THREAD = 14;

    private GatewayDiagnostics() {
    }

    public static String describe() {
        return "\n--- gateway threads ---\n" + threads() + "\n--- gateway log ---\n" + logLines();
    }

    private static String threads() {
        try {
            long pid = Long.parseLong(Files.readString(RunningStack.root().resolve(".stagewire/pids/progress-gateway")).strip());
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            process.waitFor(30, TimeUnit.SECONDS);
            List<String> lines = new String(out).lines().toList();
            Path file = Path.of("target", "gateway-threads-" + System.currentTimeMillis() + ".txt");
            Files.write(file, lines);
            List<String> wanted = new ArrayList<>();
            int left = 0;
            for (String line : lines) {
                if (THREADS.matcher(line).matches()) {
                    left = FRAMES_PER_THREAD;
                } else if (line.isBlank()) {
                    left = Math.min(left, 0);
                }
                if (left-- > 0) {
                    wanted.add(line);
                }
            }
            return "(all threads: " + file.toAbsolutePath() + ")\n" + String.join("\n", wanted);
        } catch (IOException | RuntimeException e) {
            return "no thread dump: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }

    private static String logLines() {
        try {
            List<String> lines = Files.readAllLines(RunningStack.root().resolve(".stagewire/logs/progress-gateway.log")).stream()
                    .filter(line -> LOG_LINES.matcher(line).matches()).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "no log: " + e;
        }
    }
}
