package io.stagewire.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-memory window of one job: bounded by count and age, and honest about how far back it reaches. */
class RecentFramesTest {

    private static Frame at(long offset, long timeMillis) {
        return new Frame("{\"o\":" + offset + "}", "ocr:progress", "0-" + offset, 0, offset, null, timeMillis);
    }

    private static String key(long offset) {
        return "/stagewire/test\n" + offset;
    }

    @Test
    void aChannelWithAMillionEventsKeepsOnlyItsWindow() {
        RecentFrames window = new RecentFrames(-1);
        long bytes = 0;
        for (long offset = 0; offset < 1_000_000; offset++) {
            bytes += window.add(at(offset, 1_000), key(offset), 256, 0);
        }
        assertThat(window.size()).isEqualTo(256);
        assertThat(bytes).isEqualTo(window.bytes());
        assertThat(window.completeAfter()).isEqualTo(999_743L);
        assertThat(window.between(999_743, Long.MAX_VALUE)).get().asList().hasSize(256);
        assertThat(window.between(999_742, Long.MAX_VALUE)).as("older than the window: Kafka must serve it").isEmpty();
    }

    @Test
    void servesExactlyTheFramesBetweenThePositionAndTheSeam() {
        RecentFrames window = new RecentFrames(9);
        for (long offset : new long[] {12, 15, 20, 31}) {
            window.add(at(offset, 1_000), key(offset), 10, 0);
        }
        assertThat(window.between(9, 31)).get().asList().extracting(f -> ((Frame) f).offset()).containsExactly(12L, 15L, 20L);
        assertThat(window.between(15, 100)).get().asList().extracting(f -> ((Frame) f).offset()).containsExactly(20L, 31L);
        assertThat(window.between(8, 100)).isEmpty();
    }

    @Test
    void oldFramesAgeOutAndAnUnkeptEventCutsTheWindow() {
        RecentFrames window = new RecentFrames(-1);
        window.add(at(1, 100), key(1), 10, 0);
        window.add(at(2, 500), key(2), 10, 0);
        window.trim(10, 200);
        assertThat(window.completeAfter()).isEqualTo(1);
        assertThat(window.between(1, 10)).get().asList().hasSize(1);
        window.skip(3);
        assertThat(window.size()).isZero();
        assertThat(window.between(2, 10)).isEmpty();
        assertThat(window.between(3, 10)).get().asList().isEqualTo(List.of());
    }

    @Test
    void knowsWhereAnEventFirstAppearedWhileItsFrameIsHeld() {
        RecentFrames window = new RecentFrames(-1);
        window.add(at(5, 1_000), "src\na", 2, 0);
        window.add(at(6, 1_000), "src\na", 2, 0); // a repeat kept by a caller that did not ask: the first stays
        assertThat(window.firstOffsetOf("src\na")).contains(5L);
        assertThat(window.firstOffsetOf("src\nb")).isEmpty();
        window.add(at(7, 1_000), "src\nb", 2, 0);   // evicts offset 5: its key goes with it
        assertThat(window.firstOffsetOf("src\na")).isEmpty();
        assertThat(window.firstOffsetOf("src\nb")).contains(7L);
        long held = window.bytes();
        window.skip(8);
        assertThat(window.firstOffsetOf("src\nb")).isEmpty();
        assertThat(held).isPositive();
    }
}
