package io.stagewire.jobapi.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A redelivery window that would find no earlier event stops job-api at start, naming the setting. */
class RedeliveryWindowTest {
    @Test
    void aPositiveWindowIsKept() {
        assertThat(JobEventHistory.checkedWindow(Duration.ofDays(14))).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void zeroOrNegativeIsRefusedWithTheSettingsName() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofDays(-1)}) {
            assertThatThrownBy(() -> JobEventHistory.checkedWindow(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("stagewire.history.redelivery-window").hasMessageContaining(bad.toString());
        }
    }
}
