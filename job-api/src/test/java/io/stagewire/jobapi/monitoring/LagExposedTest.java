package io.stagewire.jobapi.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stagewire.jobapi.support.JobEventsConsumerReady;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** The running job-api measures its own consumer group: the gauge on /q/metrics, the data in readiness. */
@QuarkusTest
class LagExposedTest {
    private static final Logger LOG = Logger.getLogger(LagExposedTest.class);
    private static final Pattern GAUGE = Pattern.compile("(?m)^stagewire_jobapi_events_lag\\{([^}]*)\\} (\\S+)$");

    @Test
    void gaugeAndReadinessCarryTheMeasuredLag() {
        JobEventsConsumerReady.await();

        Matcher gauge = Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            Matcher m = GAUGE.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
            return m.find() && !m.group(2).equals("NaN") ? m : null;
        }, m -> m != null);
        assertThat(gauge.group(1)).contains("topic=\"job.events\"").contains("group=\"job-api-test-");
        assertThat(Double.parseDouble(gauge.group(2))).isGreaterThanOrEqualTo(0);

        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        Map<String, Object> data = ready.getMap("checks.find { it.name == 'job.events lag' }.data");
        assertThat(ready.getString("checks.find { it.name == 'job.events lag' }.status")).isEqualTo("UP");
        assertThat(data.get("lag")).isInstanceOf(Number.class);
        long lag = ((Number) data.get("lag")).longValue();
        assertThat(lag).isNotNegative();
        assertThat(data).containsEntry("threshold", 10_000).containsEntry("degraded", lag > 10_000);

        // What Quarkus' Kafka binder publishes on its own, for docs/operations.md.
        LOG.infof("Kafka binder lag series: %s", given().get("/q/metrics").asString().lines()
                .filter(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag")).toList());
    }
}
