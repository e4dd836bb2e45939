package io.stagewire.system.pipeline;

import io.stagewire.system.JobApi;
import io.stagewire.system.RunningStack;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chaos on every service (issues 5 and 16): while a job runs and a client watches it live, one service is killed
 * (SIGKILL: no shutdown hook, no offset commit) and started again. The job completes with every product exactly once
 * in job-api's tables, and the client — which resumes with the last position it got when the gateway itself is the
 * one killed — ends with every event of the job's history exactly once, in order. A worker's uncommitted work goes to
 * its restarted self, whose name-based ids land repeats on the same rows; job-api's outbox sends after restart what
 * it had committed; the gateway serves the resume from its refilled window. Prints the time each fault took to heal.
 *
 * <p>The three workers are killed at about the same time, each during a job of its own, as when a node with one pod of
 * each goes down: every job then lives through all three crashes (one at its own chosen moment) and must still come
 * out whole. job-api and the gateway, which every client and job depends on, are killed one at a time.
 */
@ExtendWith(RunningStack.class)
class ServiceCrashIT {

    private static final int PRODUCTS = 12;

    @Test
    void jobsCompleteAndTheirWatchersGetEveryEventOnceWhenEachWorkerIsKilledDuringItsOwnJob() throws Exception {
        List<Runnable> crashes = List.of(
                () -> killMidJob("crawler-worker", "screenshot:captured", 3),
                () -> killMidJob("ocr-worker", "ocr:completed", 2),
                () -> killMidJob("label-worker", "label:generated", 2));
        ExecutorService threads = Executors.newFixedThreadPool(crashes.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            crashes.forEach(crash -> running.add(threads.submit(crash)));
            AssertionError failed = null;
            for (Future<?> crash : running) {
                try {
                    crash.get();
                } catch (ExecutionException e) {
                    if (failed == null) {
                        failed = new AssertionError("a crash case failed", e.getCause());
                    } else {
                        failed.addSuppressed(e.getCause());
                    }
                }
            }
            if (failed != null) {
                throw failed;
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0} killed after the job's {2}. {1}")
    @CsvSource({"job-api, screenshot:captured, 4", "progress-gateway, ocr:completed, 3"})
    void aJobCompletesAndItsWatcherGetsEveryEventOnceWhenAServiceIsKilledMidJob(String service, String eventType, int after) {
        killMidJob(service, eventType, after);
    }

    private static void killMidJob(String service, String eventType, int after) {
        try (WatchedJob job = WatchedJob.start(JobApi.as("carol"), PRODUCTS)) {
            job.awaitEvents(eventType, after);

            // Healed: an event of the killed service's kind reaches the client again (for the gateway: any, resumed).
            String types = switch (service) {
                case "crawler-worker" -> "screenshot:captured|crawl:.*";
                case "ocr-worker" -> "ocr:.*";
                case "label-worker" -> "match:.*|label:.*";
                case "job-api" -> "job:.*|queue:position";
                default -> ".*";
            };
            long killed = System.nanoTime();
            RunningStack.kill(service);
            // Counted before the restart: the job may well finish before the test thread looks again (a resumed client
            // gets all the rest at once), and then no further event would come. The resumed connection starts at none.
            long before = service.equals("progress-gateway") ? 0 : job.ofKind(types);
            RunningStack.startMissing();
            long back = System.nanoTime();
            if (service.equals("progress-gateway")) {
                System.out.printf("ServiceCrashIT: resumed: %s%n", job.reconnect());
            }
            job.awaitMore(types, before, "the " + service + " came back");
            long healed = System.nanoTime();
            System.out.printf("ServiceCrashIT: %s killed; ready again after %.1f s, its next event reached the client after %.1f s%n",
                    service, (back - killed) / 1e9, (healed - killed) / 1e9);

            job.assertCompletesWithEveryEventOnce();
        }
    }
}
