package io.stagewire.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.gateway.support.JobApiDouble;
import io.stagewire.gateway.support.WsClient;
import org.junit.jupiter.api.Test;

/** Readiness reflects the live consumer; the metrics of the issue are exposed for Prometheus. */
@QuarkusTest
@QuarkusTestResource(JobApiDouble.class)
class OperationsTest extends GatewayTest {

    @Test
    void readyOnceTheLiveStreamIsAssigned() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body(containsString("job-events-live-stream"));
    }

    @Test
    void prometheusMetrics() {
        try (WsClient client = connect("bob")) {
            client.send("{\"op\":\"ping\"}");
            client.next(WAIT);
            given().when().get("/q/metrics").then()
                    .statusCode(200)
                    .body(containsString("stagewire_gateway_connections{transport=\"websocket\"}"))
                    .body(containsString("stagewire_gateway_connections{transport=\"sse\"}"))
                    .body(containsString("stagewire_gateway_subscriptions"))
                    .body(containsString("stagewire_gateway_events_in_total"))
                    .body(containsString("stagewire_gateway_events_out_total"))
                    .body(containsString("stagewire_gateway_delivery_latency_seconds_bucket"))
                    .body(containsString("stagewire_gateway_slow_consumer_closes_total"))
                    .body(containsString("stagewire_gateway_dlq_records_total"))
                    .body(containsString("stagewire_gateway_kafka_lag"));
        }
    }
}
