package io.stagewire.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The outbound queue's policy: in-flight window, coalescing of progress, the bound. */
class OutboundTest {

    private static final Outbound.Listener QUIET = new Outbound.Listener() {
        @Override
        public void written(Frame frame) {
        }

        @Override
        public void coalesced() {
        }

        @Override
        public void slowConsumerClosed() {
        }
    };

    /** A socket that writes only when the test says so. */
    private static final class HeldSocket extends Outbound {
        final List<Frame> handed = new ArrayList<>();
        final List<CompletableFuture<Void>> pending = new ArrayList<>();
        int slowCloses;

        HeldSocket(int maxFrames, int maxBytes, int inFlight) {
            super(new Limits(maxFrames, maxBytes, inFlight), QUIET);
        }

        @Override
        protected synchronized CompletionStage<?> write(Frame frame) {
            handed.add(frame);
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(done);
            return done;
        }

        @Override
        protected void closeAsSlowConsumer() {
            slowCloses++;
        }

        void completeAll() {
            List<CompletableFuture<Void>> now;
            synchronized (this) {
                now = new ArrayList<>(pending);
                pending.clear();
            }
            now.forEach(f -> f.complete(null));
        }
    }

    private static Frame progress(String job, long offset) {
        return new Frame("{\"p\":" + offset + "}", "job:progress", "0-" + offset, 0, offset, "job:" + job + "\n" + job, 1);
    }

    private static Frame other(long offset) {
        return new Frame("{\"o\":" + offset + "}", "crawl:started", "0-" + offset, 0, offset, null, 1);
    }

    @Test
    void withoutConflationEveryQueuedProgressIsDelivered() {
        HeldSocket socket = new HeldSocket(100, 1 << 20, 1);
        for (long offset = 1; offset <= 5; offset++) {
            socket.offer(offset == 3 ? other(3) : progress("a", offset));
        }
        for (int i = 0; i < 5; i++) {
            socket.completeAll();
        }
        assertThat(socket.handed).extracting(Frame::offset).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void withConflationQueuedProgressOfTheSameJobCoalescesToTheNewestKeepingOrder() {
        HeldSocket socket = new HeldSocket(100, 1 << 20, 1);
        socket.offer(progress("a", 1), null, true);
        socket.offer(progress("a", 2), null, true);
        socket.offer(other(3), null, true);
        socket.offer(progress("b", 4), null, true);
        socket.offer(progress("a", 5), null, true);
        assertThat(socket.handed).extracting(Frame::offset).containsExactly(1L);
        for (int i = 0; i < 5; i++) {
            socket.completeAll();
        }
        // 2 was replaced by 5, which went to the end: offsets stay increasing.
        assertThat(socket.handed).extracting(Frame::offset).containsExactly(1L, 3L, 4L, 5L);
    }

    @Test
    void passingTheFrameBoundClosesAsSlowConsumer() {
        HeldSocket socket = new HeldSocket(3, 1 << 20, 1);
        for (long i = 0; i < 4; i++) {
            assertThat(socket.offer(other(i))).isTrue();
        }
        assertThat(socket.offer(other(4))).isFalse();
        assertThat(socket.slowCloses).isEqualTo(1);
        assertThat(socket.offer(other(5))).isFalse();
        assertThat(socket.slowCloses).isEqualTo(1);
    }

    @Test
    void passingTheByteBoundClosesAsSlowConsumer() {
        HeldSocket socket = new HeldSocket(1000, 30, 1);
        socket.offer(other(0));
        assertThat(socket.offer(other(1))).isTrue();
        assertThat(socket.offer(other(2))).isTrue();
        assertThat(socket.offer(other(3))).isTrue();
        assertThat(socket.offer(other(4))).isTrue();
        // Four 7-character frames are queued (the first is in flight): a fifth passes 30.
        assertThat(socket.offer(other(5))).isFalse();
        assertThat(socket.slowCloses).isEqualTo(1);
    }

    @Test
    void writesCompletingAtOnceDoNotRecurse() {
        Outbound immediate = new Outbound(new Outbound.Limits(100_000, 1 << 30, 4), QUIET) {
            int written;

            @Override
            protected CompletionStage<?> write(Frame frame) {
                written++;
                return CompletableFuture.completedFuture(null);
            }

            @Override
            protected void closeAsSlowConsumer() {
            }
        };
        for (long i = 0; i < 50_000; i++) {
            assertThat(immediate.offer(other(i))).isTrue();
        }
        assertThat(immediate.queued()).isZero();
    }

    @Test
    void deferredFramesAreQueuedAtOnceButHandedToTheSocketOnlyOnFlush() {
        HeldSocket socket = new HeldSocket(100, 1 << 20, 16);
        Outbound.Deferral writes = new Outbound.Deferral();
        socket.offer(progress("a", 1), writes, true);
        socket.offer(other(2), writes, true);
        socket.offer(progress("a", 3), writes, true);
        assertThat(socket.handed).isEmpty();
        // Conflation (asked for) applies while queued: progress 1 was replaced by 3.
        assertThat(socket.queued()).isEqualTo(2);
        writes.flush();
        assertThat(socket.handed).extracting(Frame::offset).containsExactly(2L, 3L);
        writes.flush();
        assertThat(socket.handed).hasSize(2);
    }

    @Test
    void theBoundAppliesToDeferredFramesToo() {
        HeldSocket socket = new HeldSocket(2, 1 << 20, 16);
        Outbound.Deferral writes = new Outbound.Deferral();
        assertThat(socket.offer(other(0), writes)).isTrue();
        assertThat(socket.offer(other(1), writes)).isTrue();
        assertThat(socket.offer(other(2), writes)).isFalse();
        assertThat(socket.slowCloses).isEqualTo(1);
        writes.flush();
        assertThat(socket.handed).isEmpty();
    }

    /** A transport that runs its pump elsewhere (the WebSocket's event loop) is asked once per burst, not per frame. */
    @Test
    void aTransportIsAskedForOnePumpPerBurstAndItMovesEverythingQueued() {
        List<Runnable> requests = new ArrayList<>();
        List<Frame> handed = new ArrayList<>();
        Outbound elsewhere = new Outbound(new Outbound.Limits(100, 1 << 20, 16), QUIET) {
            @Override
            protected void requestPump() {
                requests.add(this::runRequestedPump);
            }

            @Override
            protected CompletionStage<?> write(Frame frame) {
                handed.add(frame);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            protected void closeAsSlowConsumer() {
            }
        };
        for (long i = 0; i < 5; i++) {
            elsewhere.offer(other(i));
        }
        assertThat(requests).hasSize(1);
        assertThat(handed).isEmpty();
        requests.removeFirst().run();
        assertThat(handed).extracting(Frame::offset).containsExactly(0L, 1L, 2L, 3L, 4L);
        elsewhere.offer(other(5));
        assertThat(requests).hasSize(1);
        requests.removeFirst().run();
        assertThat(handed).hasSize(6);
    }
}
