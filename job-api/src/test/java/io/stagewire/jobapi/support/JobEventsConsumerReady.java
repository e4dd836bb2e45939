package io.stagewire.jobapi.support;

import io.restassured.RestAssured;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.testing.Tokens;
import java.util.UUID;

/**
 * The test profile's consumer group starts at the end of job.events, so an event produced before
 * it has its partitions would be missed. Tests that produce events first wait here until a probe
 * event made it through: from then on nothing is missed.
 */
public final class JobEventsConsumerReady {
    private static volatile boolean ready;

    private JobEventsConsumerReady() {
    }

    public static void await() {
        if (ready) {
            return;
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String probe = "probe:" + UUID.randomUUID();
            Kafka.send(StageEvent.of(EventType.SYSTEM_NOTIFICATION, "/stagewire/tests", probe, "probe",
                    StageEventJson.object().put("message", "is job-api consuming?")));
            long probeDeadline = System.currentTimeMillis() + 2_000;
            while (System.currentTimeMillis() < probeDeadline) {
                int status = RestAssured.given().auth().oauth2(Tokens.accessToken("alice")).get("/api/jobs/" + probe).statusCode();
                if (status == 200) {
                    ready = true;
                    return;
                }
                sleep();
            }
        }
        throw new IllegalStateException("job-api did not consume job.events within 60 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
