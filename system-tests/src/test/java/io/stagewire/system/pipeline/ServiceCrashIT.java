package io.stagewire.system.pipeline;

import io.stagewire.system.JobApi;
import io.stagewire.system.RunningStack;
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
 */
@ExtendWith(RunningStack.class)
class ServiceCrashIT {

    private static final int PRODUCTS = 12;

    @ParameterizedTest(name = "{0} killed after the job's {2}. {1}")
    @CsvSource({"crawler-worker, screenshot:captured, 3", "ocr-worker, ocr:completed, 2", "label-worker, label:generated, 2",
            "job-api, screenshot:captured, 4", "progress-gateway, ocr:completed, 3"})
    void aJobCompletesAndItsWatcherGetsEveryEventOnceWhenAServiceIsKilledMidJob(String service, String eventType, int after) {
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
