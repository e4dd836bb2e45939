package io.stagewire.crawler.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.stagewire.crawler.config.CrawlerWorkerConfig;

/**
 * Spaces page loads on one host by {@code stagewire.crawler.politeness-delay}, across all crawls of this process:
 * two jobs on the same shop share its budget. Each caller reserves the next free slot, then sleeps on its own
 * thread until it comes.
 */
@ApplicationScoped
class PolitenessDelay {

    private static final int FORGET_AFTER_HOSTS = 1_000;

    private final long delayNanos;
    private final Map<String, Long> nextSlotByHost = new ConcurrentHashMap<>();

    @Inject
    PolitenessDelay(CrawlerWorkerConfig config) {
        this(config.politenessDelay());
    }

    PolitenessDelay(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    void awaitTurn(String host) {
        if (delayNanos <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (nextSlotByHost.size() > FORGET_AFTER_HOSTS) {
            nextSlotByHost.values().removeIf(slot -> slot - now < 0);
        }
        long slot = nextSlotByHost.merge(host, now + delayNanos,
                (reserved, ignored) -> Math.max(reserved, now) + delayNanos) - delayNanos;
        long wait = slot - now;
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrawlCancelledException();
            }
        }
    }
}
