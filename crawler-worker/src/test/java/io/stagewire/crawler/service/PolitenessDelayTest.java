package io.stagewire.crawler.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PolitenessDelayTest {

    @Test
    void spacesLoadsOnOneHostButNotAcrossHosts() {
        PolitenessDelay delay = new PolitenessDelay(Duration.ofMillis(100));

        long started = System.nanoTime();
        delay.awaitTurn("shop.example");
        delay.awaitTurn("other.example");
        long afterTwoHosts = System.nanoTime();
        delay.awaitTurn("shop.example");
        delay.awaitTurn("shop.example");
        long afterThreeOnOne = System.nanoTime();

        assertThat(Duration.ofNanos(afterTwoHosts - started)).isLessThan(Duration.ofMillis(50));
        assertThat(Duration.ofNanos(afterThreeOnOne - started)).isBetween(Duration.ofMillis(195), Duration.ofMillis(400));
    }

    @Test
    void zeroMeansNoPause() {
        PolitenessDelay delay = new PolitenessDelay(Duration.ZERO);

        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            delay.awaitTurn("shop.example");
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(50));
    }
}
