package io.stagewire.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventPositionTest {

    @Test
    void roundTripsThroughItsStringForm() {
        EventPosition p = new EventPosition(7, 123456789012L);

        assertThat(EventPosition.parse(p.toString())).contains(p);
    }

    @Test
    void rejectsAnythingElse() {
        assertThat(EventPosition.parse(null)).isEmpty();
        assertThat(EventPosition.parse("")).isEmpty();
        assertThat(EventPosition.parse("7")).isEmpty();
        assertThat(EventPosition.parse("-1-5")).isEmpty();
        assertThat(EventPosition.parse("1-99999999999999999999")).isEmpty();
        assertThat(EventPosition.parse("a-b")).isEmpty();
    }

    @Test
    void ordersByPartitionThenOffset() {
        assertThat(new EventPosition(1, 10)).isLessThan(new EventPosition(1, 11));
        assertThat(new EventPosition(1, 99)).isLessThan(new EventPosition(2, 0));
    }
}
