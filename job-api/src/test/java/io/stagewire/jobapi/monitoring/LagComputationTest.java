package io.stagewire.jobapi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.apache.kafka.common.TopicPartition;

/** The lag sum and the readiness answer, from made-up offsets (no broker). */
class LagComputationTest {
    private static final TopicPartition P0 = new TopicPartition("job.events", 0);
    private static final TopicPartition P1 = new TopicPartition("job.events", 1);
    private static final TopicPartition P2 = new TopicPartition("job.events", 2);

    @Test
    void lagIsEndMinusCommittedSummedOverPartitions() {
        assertThat(ConsumerLag.of(Map.of(P0, 120L, P1, 50L), Map.of(P0, 100L, P1, 45L), Map.of())).isEqualTo(25);
    }

    @Test
    void partitionWithoutCommitCountsFromItsFirstRetainedRecord() {
        assertThat(ConsumerLag.of(Map.of(P0, 120L, P1, 50L, P2, 30L), Map.of(P0, 120L), Map.of(P1, 10L, P2, 0L))).isEqualTo(70);
    }

    @Test
    void commitAheadOfAnOlderEndOffsetIsNoLagNotNegative() {
        assertThat(ConsumerLag.of(Map.of(P0, 100L, P1, 10L), Map.of(P0, 105L, P1, 7L), Map.of())).isEqualTo(3);
    }

    @Test
    void aboveTheThresholdReadinessIsUpButDegraded() {
        HealthCheckResponse response = JobEventsLagHealth.response(LagReading.measured(10_001, Instant.EPOCH), 10_000);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("lag", 10_001L).containsEntry("degraded", true)
                .containsEntry("threshold", 10_000L);
    }

    @Test
    void atTheThresholdReadinessIsNotDegraded() {
        HealthCheckResponse response = JobEventsLagHealth.response(LagReading.measured(10_000, Instant.EPOCH), 10_000);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("lag", 10_000L).containsEntry("degraded", false);
    }

    @Test
    void unknownLagIsUpWithTheReasonAndNaNOnTheGauge() {
        LagReading unknown = LagReading.unknown("TimeoutException", Instant.EPOCH);
        HealthCheckResponse response = JobEventsLagHealth.response(unknown, 10_000);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("lag", "unknown").containsEntry("degraded", false)
                .containsEntry("error", "TimeoutException");
        assertThat(unknown.asGaugeValue()).isNaN();
    }
}
