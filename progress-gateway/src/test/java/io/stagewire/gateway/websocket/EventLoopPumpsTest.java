package io.stagewire.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pumps requested from any thread run on the loop, in one task for everything requested meanwhile. */
class EventLoopPumpsTest {

    @Test
    void everyRequestRunsOnTheLoopAndOneDrainServesARequestBurst() throws Exception {
        EventLoop loop = new DefaultEventLoop();
        try {
            EventLoopPumps pumps = new EventLoopPumps(loop);
            AtomicInteger ranOnLoop = new AtomicInteger();
            AtomicInteger ranElsewhere = new AtomicInteger();
            int threads = 4;
            int perThread = 5_000;
            CountDownLatch done = new CountDownLatch(threads * perThread);
            Runnable pump = () -> {
                (loop.inEventLoop() ? ranOnLoop : ranElsewhere).incrementAndGet();
                done.countDown();
            };
            // Hold the loop busy so the whole burst queues up behind one drain.
            CountDownLatch release = holdLoop(loop);
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                senders.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        pumps.request(pump);
                    }
                }));
            }
            for (Thread sender : senders) {
                sender.join();
            }
            release.countDown();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ranOnLoop.get()).isEqualTo(threads * perThread);
            assertThat(ranElsewhere.get()).isZero();
            assertThat(pumps.drains()).isEqualTo(1);

            // A request after the drain finished schedules a new one. The burst's last pump may have run while the
            // drain is still looking for more: a task queued behind it runs only once it has returned.
            loop.submit(() -> { }).get(10, TimeUnit.SECONDS);
            CountDownLatch later = new CountDownLatch(1);
            pumps.request(later::countDown);
            assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(pumps.drains()).isEqualTo(2);
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFailingPumpDoesNotStallTheOthers() throws Exception {
        EventLoop loop = new DefaultEventLoop();
        try {
            EventLoopPumps pumps = new EventLoopPumps(loop);
            CountDownLatch ran = new CountDownLatch(1);
            CountDownLatch hold = holdLoop(loop);
            pumps.request(() -> {
                throw new IllegalStateException("socket gone");
            });
            pumps.request(ran::countDown);
            hold.countDown();
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /** Keeps the loop busy until the returned latch is counted down. */
    private static CountDownLatch holdLoop(EventLoop loop) {
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return release;
    }
}
