package io.stagewire.system.pipeline;

import io.stagewire.system.JobApi;
import io.stagewire.system.RunningStack;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chaos on what the services stand on (issue 16): while a job runs and a client watches it live, Kafka is killed
 * (SIGKILL) and started again, or the services' Postgres database becomes unreachable (every connection dropped, new
 * ones refused) and comes back ({@code ./stagewire outage}). Every service stays up and takes up its work where it
 * stood: the job completes with every product once in job-api, and the client, whose connection to the gateway
 * outlives the outage, ends with every event of the job's history exactly once, in order. Prints the time to heal.
 */
@ExtendWith(RunningStack.class)
class InfrastructureOutageIT {

    private static final int PRODUCTS = 12;
    private static final int OUTAGE_SECONDS = 15;

    @ParameterizedTest(name = "{0} down for 15 s after the job's {2}. {1}")
    @CsvSource({"kafka, screenshot:captured, 3", "postgres, ocr:completed, 2"})
    void aJobCompletesAndItsWatcherGetsEveryEventOnceThroughAnOutage(String part, String eventType, int after) {
        RunningStack.assumeOutagePossible(part);
        try (WatchedJob job = WatchedJob.start(JobApi.as("carol"), PRODUCTS)) {
            job.awaitEvents(eventType, after);

            long began = System.nanoTime();
            RunningStack.outage(part, OUTAGE_SECONDS);
            long back = System.nanoTime();
            long before = job.ofKind(".*");
            job.awaitMore(".*", before, part + " came back");
            long healed = System.nanoTime();
            System.out.printf("InfrastructureOutageIT: %s down %d s; back after %.1f s, the job's next event reached the client %.1f s after the outage began%n",
                    part, OUTAGE_SECONDS, (back - began) / 1e9, (healed - began) / 1e9);

            job.assertCompletesWithEveryEventOnce();
        }
    }
}
