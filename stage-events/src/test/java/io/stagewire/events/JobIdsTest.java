package io.stagewire.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobIdsTest {

    @Test
    void acceptsUuidsAndForeignIds() {
        assertThat(JobIds.isValid("3f0c2a8e-1b7d-4c1e-9a55-0d4b7f3e2a10")).isTrue();
        assertThat(JobIds.isValid("acme:batch.42_x")).isTrue();
        assertThat(JobIds.isValid("a".repeat(128))).isTrue();
    }

    @Test
    void rejectsEmptyLongAndOddCharacters() {
        assertThat(JobIds.isValid(null)).isFalse();
        assertThat(JobIds.isValid("")).isFalse();
        assertThat(JobIds.isValid("a".repeat(129))).isFalse();
        assertThat(JobIds.isValid("a/b")).isFalse();
        assertThat(JobIds.isValid("a b")).isFalse();
        assertThat(JobIds.isValid(".")).as("a dot-segment in /api/jobs/{id}").isFalse();
        assertThat(JobIds.isValid("..")).isFalse();
        assertThat(JobIds.isValid("...")).isTrue();
        assertThat(JobIds.isValid(".a")).isTrue();
    }
}
