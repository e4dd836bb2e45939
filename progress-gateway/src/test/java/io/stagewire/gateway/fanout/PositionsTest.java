package io.stagewire.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PositionsTest {
    private final Positions positions = new Positions("9f3a61c2");

    @Test
    void tagsJobAndUserPositionsWithTheEpoch() {
        assertThat(positions.job(7, 1042)).isEqualTo("7-1042~9f3a61c2");
        assertThat(positions.user(new long[] {100, 0, 51, 0})).isEqualTo("U.2s.0.1f~9f3a61c2");
        assertThat(positions.user(new long[] {0, 0})).isEqualTo("U~9f3a61c2");
    }

    @Test
    void aTokenParsesBackWithItsEpoch() {
        ResumeFrom job = ResumeFrom.parse(Channel.job("j"), positions.job(7, 1042), 12).orElseThrow();
        assertThat(job.jobPartition()).isEqualTo(7);
        assertThat(job.next()[7]).isEqualTo(1043);
        assertThat(job.epoch()).contains("9f3a61c2");
        assertThat(job.isFromAnotherEpoch(positions)).isFalse();

        ResumeFrom user = ResumeFrom.parse(Channel.user("u"), positions.user(new long[] {100, 0, 51}), 3).orElseThrow();
        assertThat(user.next()).containsExactly(100, 0, 51);
        assertThat(user.isFromAnotherEpoch(positions)).isFalse();
    }

    @Test
    void aTokenOfAnotherEpochIsRecognised() {
        ResumeFrom other = ResumeFrom.parse(Channel.job("j"), "7-1042~00000000", 12).orElseThrow();
        assertThat(other.isFromAnotherEpoch(positions)).isTrue();
    }

    @Test
    void aTokenWithoutEpochIsAcceptedAsFromThisLog() {
        ResumeFrom legacy = ResumeFrom.parse(Channel.job("j"), "7-1042", 12).orElseThrow();
        assertThat(legacy.epoch()).isEmpty();
        assertThat(legacy.isFromAnotherEpoch(positions)).isFalse();
        assertThat(ResumeFrom.parse(Channel.user("u"), "U.1", 3).orElseThrow().epoch()).isEqualTo(Optional.empty());
    }

    @Test
    void malformedEpochsAreNotPositions() {
        for (String bad : new String[] {"7-1042~", "7-1042~a b", "7-1042~x-y", "7-1042~" + "a".repeat(33), "7-1042~~a", "U.1~é"}) {
            Channel channel = bad.startsWith("U") ? Channel.user("u") : Channel.job("j");
            assertThat(ResumeFrom.parse(channel, bad, 12)).as(bad).isEmpty();
        }
        assertThatThrownBy(() -> new Positions("a~b")).isInstanceOf(IllegalArgumentException.class);
    }
}
