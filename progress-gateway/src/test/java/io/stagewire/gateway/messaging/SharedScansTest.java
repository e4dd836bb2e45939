package io.stagewire.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Concurrent reads of a partition share one pass over the log; each reader still gets exactly its range, in order. */
class SharedScansTest {
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final SharedScans scans = new SharedScans(Duration.ofSeconds(5));
    private final AtomicInteger opened = new AtomicInteger();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** A partition of {@code size} records, polled 10 at a time; each poll first waits for {@code gate}. */
    private SharedScans.CursorOpener log(long size, CountDownLatch gate) {
        return from -> {
            opened.incrementAndGet();
            return new SharedScans.Cursor() {
                long position = from;

                @Override
                public List<ConsumerRecord<String, byte[]>> poll() {
                    try {
                        gate.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
                    for (long o = position; o < Math.min(size, position + 10); o++) {
                        records.add(new ConsumerRecord<>("job.events", 3, o, "job-" + o, new byte[0]));
                    }
                    position = Math.min(size, position + 10);
                    return records;
                }

                @Override
                public long position() {
                    return position;
                }

                @Override
                public void close() {
                }
            };
        };
    }

    private Future<List<Long>> reader(long from, long to, long stopAfter, SharedScans.CursorOpener log) {
        return threads.submit(() -> {
            List<Long> got = Collections.synchronizedList(new ArrayList<>());
            scans.read(3, from, to, record -> {
                got.add(record.offset());
                return got.size() < stopAfter;
            }, log);
            return got;
        });
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    private void awaitMembers(int joined) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (scans.joined() < joined && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(scans.joined()).isEqualTo(joined);
    }

    @Test
    void readersFromTheSameOrLaterPositionShareOnePassEachGetsExactlyItsRange() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        SharedScans.CursorOpener log = log(1000, gate);
        Future<List<Long>> first = reader(100, 600, Long.MAX_VALUE, log);
        Thread.sleep(50); // the first leads (its poll waits at the gate)
        Future<List<Long>> same = reader(100, 600, Long.MAX_VALUE, log);
        Future<List<Long>> later = reader(300, 900, Long.MAX_VALUE, log);
        awaitMembers(2);
        gate.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(range(100, 600));
        assertThat(same.get(5, TimeUnit.SECONDS)).isEqualTo(range(100, 600));
        assertThat(later.get(5, TimeUnit.SECONDS)).as("a later end extends the pass").isEqualTo(range(300, 900));
        assertThat(opened.get()).as("one read of the partition for three readers").isEqualTo(1);
    }

    @Test
    void aReaderBehindTheRunningScanReadsOnItsOwn() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        SharedScans.CursorOpener log = log(1000, gate);
        Future<List<Long>> first = reader(500, 600, Long.MAX_VALUE, log);
        Thread.sleep(50);
        Future<List<Long>> behind = reader(100, 200, Long.MAX_VALUE, log);
        gate.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(range(500, 600));
        assertThat(behind.get(5, TimeUnit.SECONDS)).isEqualTo(range(100, 200));
        assertThat(opened.get()).isEqualTo(2);
        assertThat(scans.joined()).isZero();
    }

    @Test
    void theLeaderWhoseSubscriptionWentAwayKeepsReadingForTheOthers() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        SharedScans.CursorOpener log = log(1000, gate);
        Future<List<Long>> leader = reader(0, 800, 5, log); // its sink says "no more" after 5 records
        Thread.sleep(50);
        Future<List<Long>> member = reader(0, 800, Long.MAX_VALUE, log);
        awaitMembers(1);
        gate.countDown();

        assertThat(leader.get(5, TimeUnit.SECONDS)).isEqualTo(range(0, 5));
        assertThat(member.get(5, TimeUnit.SECONDS)).isEqualTo(range(0, 800));
        assertThat(opened.get()).isEqualTo(1);
    }

    @Test
    void aFailedReadFailsEveryReaderOfItAndTheNextReadStartsAfresh() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger polls = new AtomicInteger();
        SharedScans.CursorOpener failing = from -> {
            SharedScans.Cursor cursor = log(1000, gate).open(from);
            return new SharedScans.Cursor() {
                @Override
                public List<ConsumerRecord<String, byte[]>> poll() {
                    if (polls.incrementAndGet() == 3) {
                        throw new PartitionHistory.HistoryGoneException("offsets of partition 3 are gone");
                    }
                    return cursor.poll();
                }

                @Override
                public long position() {
                    return cursor.position();
                }

                @Override
                public void close() {
                }
            };
        };
        Future<List<Long>> leader = reader(0, 100, Long.MAX_VALUE, failing);
        Thread.sleep(50);
        Future<List<Long>> member = reader(0, 100, Long.MAX_VALUE, failing);
        awaitMembers(1);
        gate.countDown();

        for (Future<List<Long>> reader : List.of(leader, member)) {
            assertThatThrownBy(() -> reader.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(PartitionHistory.HistoryGoneException.class);
        }
        CompletableFuture<List<Long>> again = CompletableFuture.supplyAsync(() -> {
            try {
                return reader(0, 100, Long.MAX_VALUE, log(1000, new CountDownLatch(0))).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads);
        assertThat(again.get(5, TimeUnit.SECONDS)).isEqualTo(range(0, 100));
    }
}
