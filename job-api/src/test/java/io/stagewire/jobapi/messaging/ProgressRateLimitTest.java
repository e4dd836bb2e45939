package io.stagewire.jobapi.messaging;

import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.EventBus;
import io.stagewire.jobapi.support.InMemoryJobEvents;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A burst of 120 item events: job:progress is sent only when 250 ms passed or progress moved by
 * at least one point since the last one, so far fewer than one per event, and the last value sent
 * is the final one.
 */
@QuarkusTest
@TestProfile(InMemoryJobEvents.Profile.class)
class ProgressRateLimitTest {
    private static final int ITEMS = 120;

    @Inject
    EventBus bus;

    @Test
    void progressEventsAreThrottledPerJob() {
        String id = bus.announcedJob("bob", ITEMS);
        String owner = sub("bob");
        List<StageEvent> script = new ArrayList<>();
        script.add(StageEvent.of(EventType.CRAWL_STARTED, "/stagewire/crawler-worker", id, owner, StageEventJson.object()));
        for (int i = 0; i < ITEMS; i++) {
            script.add(StageEvent.of(EventType.SCREENSHOT_CAPTURED, "/stagewire/crawler-worker", id, owner, StageEventJson.object()
                    .put("screenshotId", "s" + i).put("fileId", "f" + i).put("productUrl", "https://shop.example/" + i)));
        }
        // One poll per event: the throttle, not a batch, has to hold the events back.
        bus.deliverOneByOne(script);
        assertThat(Api.job("bob", id).getInt("counters.screenshots")).isEqualTo(ITEMS);
        BigDecimal finalProgress = new BigDecimal(Api.job("bob", id).getString("progress"));

        // The last value may have been held back by the throttle: the next scheduled tick (1 s) announces it.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<StageEvent> sent = bus.announced(id).stream().filter(e -> e.type() == EventType.JOB_PROGRESS).toList();
            return !sent.isEmpty() && sent.getLast().field("progress").decimalValue().compareTo(finalProgress) == 0;
        });
        List<StageEvent> progress = bus.announced(id).stream().filter(e -> e.type() == EventType.JOB_PROGRESS).toList();

        // 120 screenshots move a crawl job by 25 points: at most one event per point, plus one per 250 ms.
        assertThat(progress.size()).isLessThan(ITEMS / 3).isGreaterThan(1);
        for (int i = 1; i < progress.size(); i++) {
            BigDecimal step = progress.get(i).field("progress").decimalValue().subtract(progress.get(i - 1).field("progress").decimalValue());
            Duration gap = Duration.between(progress.get(i - 1).time(), progress.get(i).time());
            assertThat(step.compareTo(BigDecimal.ONE) >= 0 || gap.toMillis() >= 250)
                    .as("event %d: +%s after %s", i, step, gap).isTrue();
        }
        assertThat(progress.get(progress.size() - 1).field("progress").decimalValue()).isEqualByComparingTo(finalProgress);
    }
}
