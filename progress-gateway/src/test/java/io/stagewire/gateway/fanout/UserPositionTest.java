package io.stagewire.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserPositionTest {

    @Test
    void roundTripsWithTrailingZerosLeftOut() {
        long[] next = {100, 0, 51, 0, 0};
        String text = UserPosition.format(next);
        assertThat(text).isEqualTo("U.2s.0.1f");
        assertThat(UserPosition.parse(text, 5)).hasValueSatisfying(parsed -> assertThat(parsed).containsExactly(next));
        assertThat(UserPosition.format(new long[12])).isEqualTo("U");
        assertThat(UserPosition.parse("U", 12)).hasValueSatisfying(parsed -> assertThat(parsed).containsOnly(0L));
    }

    @Test
    void rejectsWhatIsNotAVector() {
        for (String bad : new String[] {"", "3-4", "U.", "U..1", "U.-1", "U.+1", "U.zzzzzzzzzzzzzz", "U1", "U.1.2.3"}) {
            assertThat(UserPosition.parse(bad, 2)).as(bad).isEmpty();
        }
    }

    @Test
    void channelNames() {
        assertThat(Channel.parse("job:abc-1")).hasValueSatisfying(c -> assertThat(c.isJob()).isTrue());
        assertThat(Channel.parse("user:0b5f-x")).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo("0b5f-x"));
        for (String bad : new String[] {"job:", "user:", "job:a b", "jobs:x", "user:a\tb", "x"}) {
            assertThat(Channel.parse(bad)).as(bad).isEmpty();
        }
    }
}
