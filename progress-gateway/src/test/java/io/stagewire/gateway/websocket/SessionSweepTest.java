package io.stagewire.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionSweepTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> done = new ArrayList<>();
    private boolean removeOnExpire;
    private final SessionSweep sweep = new SessionSweep(ImmediateEventExecutor.INSTANCE, now::get, 25_000, new SessionSweep.Actions() {
        @Override
        public void ping(Session session) {
            done.add("ping " + session.user);
        }

        @Override
        public void expire(Session session) {
            done.add("expire " + session.user);
            if (removeOnExpire) {
                sweep.remove(session);
            }
        }
    });

    @Test
    void pingsEachSessionOneIntervalAfterItsLastPingAndNotBefore() {
        Session a = session("a");
        sweep.add(a, Long.MAX_VALUE);
        now.addAndGet(10_000);
        Session b = session("b");
        sweep.add(b, Long.MAX_VALUE);

        now.addAndGet(14_999);
        sweep.tick();
        assertThat(done).isEmpty();
        now.addAndGet(1);
        sweep.tick();
        assertThat(done).containsExactly("ping a");
        now.addAndGet(10_000);
        sweep.tick();
        assertThat(done).containsExactly("ping a", "ping b");
        now.addAndGet(15_000);
        sweep.tick();
        assertThat(done).containsExactly("ping a", "ping b", "ping a");
    }

    @Test
    void endsExpiredSessionsOnceAndKeepsSweepingTheOthers() {
        Session a = session("a");
        Session b = session("b");
        Session c = session("c");
        sweep.add(a, now.get() + 5_000);
        sweep.add(b, now.get() + 60_000);
        sweep.add(c, now.get() + 5_000);

        now.addAndGet(5_000);
        sweep.tick();
        assertThat(done).containsExactlyInAnyOrder("expire a", "expire c");
        assertThat(sweep.size()).isEqualTo(1);
        assertThat(a.sweepSlot).isEqualTo(-1);
        assertThat(a.sweep).isNull();
        assertThat(b.sweep).isSameAs(sweep);

        now.addAndGet(20_000);
        sweep.tick();
        now.addAndGet(40_000);
        sweep.tick();
        assertThat(done).containsExactlyInAnyOrder("expire a", "expire c", "ping b", "expire b");
        assertThat(sweep.size()).isZero();
    }

    @Test
    void aRemovedSessionIsNeitherPingedNorEndedAndRemovingTwiceIsHarmless() {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Session session = session("s" + i);
            sessions.add(session);
            sweep.add(session, now.get() + 30_000);
        }
        // Remove all but three, in an order that moves sessions between slots, some twice.
        for (int i = 0; i < 1_000; i++) {
            if (i != 10 && i != 500 && i != 999) {
                sweep.remove(sessions.get(i));
                sweep.remove(sessions.get(i));
            }
        }
        assertThat(sweep.size()).isEqualTo(3);
        now.addAndGet(30_000);
        sweep.tick();
        assertThat(done).containsExactlyInAnyOrder("expire s10", "expire s500", "expire s999");
    }

    @Test
    void aSessionRemovedWhileTheTickEndsItIsEndedOnce() {
        // The close that expire() starts can call back into remove() (onClose) before the tick moves on.
        removeOnExpire = true;
        sweep.add(session("a"), now.get() + 1_000);
        sweep.add(session("b"), now.get() + 1_000);
        now.addAndGet(1_000);
        sweep.tick();
        sweep.tick();
        assertThat(done).containsExactlyInAnyOrder("expire a", "expire b");
        assertThat(sweep.size()).isZero();
    }

    @Test
    void aSessionLeavesItsSweepFromAnotherThreadOnTheSweepsOwnLoop() throws Exception {
        DefaultEventExecutor loop = new DefaultEventExecutor();
        try {
            SessionSweep onLoop = new SessionSweep(loop, now::get, 25_000, new SessionSweep.Actions() {
                @Override
                public void ping(Session session) {
                }

                @Override
                public void expire(Session session) {
                }
            });
            Session a = session("a");
            Session b = session("b");
            loop.submit(() -> {
                onLoop.add(a, Long.MAX_VALUE);
                onLoop.add(b, Long.MAX_VALUE);
            }).get(5, TimeUnit.SECONDS);

            SessionSweep.leave(a);   // from the test thread: handed to the loop, not done here
            assertThat(loop.submit(onLoop::size).get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(a.sweep).isNull();
            assertThat(b.sweep).isSameAs(onLoop);
            SessionSweep.leave(a);   // a second close is harmless
            loop.submit(() -> SessionSweep.leave(b)).get(5, TimeUnit.SECONDS);   // on the loop: at once
            assertThat(b.sweep).isNull();
            assertThat(loop.submit(onLoop::size).get(5, TimeUnit.SECONDS)).isZero();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private static Session session(String user) {
        return new Session(user, null, null);
    }
}
