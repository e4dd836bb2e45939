package io.stagewire.gateway.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Concurrent reads of one partition share one sequential read (issue 11, item 2). A reader whose
 * start the partition's running scan has not passed yet joins it instead of reading on its own: a
 * storm of resumes from about the same old position costs one pass over the log, not one per
 * client. The first reader leads: it reads on its own thread and hands each record to every member
 * whose range holds it, in order, until the last member is done (its own subscription may go away
 * first: it keeps reading for the others). The others wait for their part to be done. A reader that
 * starts behind every running scan leads a scan of its own, which later readers may join in turn.
 * A slow member's sink can hold the scan up to the replay's drain timeout; then it is closed as a
 * slow consumer and the scan goes on.
 */
final class SharedScans {
    /** A consumer positioned at the start of a scan on the leader's thread. */
    interface Cursor extends AutoCloseable {
        List<ConsumerRecord<String, byte[]>> poll();

        /** The offset the next poll continues from. */
        long position();

        @Override
        void close();
    }

    interface CursorOpener {
        Cursor open(long from);
    }

    private static final class Member {
        final long from;
        final long to;
        final Predicate<ConsumerRecord<String, byte[]>> sink;
        volatile boolean done;
        RuntimeException failure;

        Member(long from, long to, Predicate<ConsumerRecord<String, byte[]>> sink) {
            this.from = from;
            this.to = to;
            this.sink = sink;
        }

        synchronized void finish(RuntimeException failed) {
            if (!done) {
                failure = failed;
                done = true;
                notifyAll();
            }
        }

        synchronized void await() throws InterruptedException {
            while (!done) {
                wait();
            }
        }
    }

    private static final class Scan {
        final int partition;
        final long start;
        final List<Member> members = new ArrayList<>();
        /** The next offset the scan hands out: a reader may join while its start is not behind it. */
        long next;
        long end;
        boolean closed;

        Scan(int partition, long start) {
            this.partition = partition;
            this.start = start;
            this.next = start;
        }
    }

    private final Duration readTimeout;
    private final Map<Integer, List<Scan>> running = new HashMap<>();
    private long joined;

    SharedScans(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** How many reads joined a running scan instead of reading on their own (since start). */
    synchronized long joined() {
        return joined;
    }

    /**
     * Hands every record of the partition in {@code [from, to)} to {@code sink}, in order, until it
     * returns false; blocks until done. Throws what the shared read threw.
     */
    void read(int partition, long from, long to, Predicate<ConsumerRecord<String, byte[]>> sink, CursorOpener opener) {
        if (from >= to) {
            return;
        }
        Member me = new Member(from, to, sink);
        Scan scan;
        boolean lead;
        synchronized (this) {
            scan = joinable(partition, from);
            lead = scan == null;
            if (lead) {
                scan = new Scan(partition, from);
                running.computeIfAbsent(partition, p -> new ArrayList<>()).add(scan);
            } else {
                joined++;
            }
            scan.members.add(me);
            scan.end = Math.max(scan.end, to);
        }
        if (lead) {
            lead(scan, opener);
        } else {
            try {
                me.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                me.finish(null);
                throw new IllegalStateException("interrupted while waiting for a shared read of partition " + partition);
            }
        }
        if (me.failure != null) {
            throw me.failure;
        }
    }

    private Scan joinable(int partition, long from) {
        Scan best = null;
        for (Scan scan : running.getOrDefault(partition, List.of())) {
            if (!scan.closed && scan.next <= from && (best == null || scan.next > best.next)) {
                best = scan;
            }
        }
        return best;
    }

    private void lead(Scan scan, CursorOpener opener) {
        RuntimeException failure = null;
        try (Cursor cursor = opener.open(scan.start)) {
            long deadline = System.nanoTime() + readTimeout.toNanos();
            while (goOn(scan, cursor.position())) {
                if (System.nanoTime() > deadline) {
                    throw new PartitionHistory.HistoryGoneException("history of partition " + scan.partition + " not readable up to " + scan.end);
                }
                for (ConsumerRecord<String, byte[]> record : cursor.poll()) {
                    if (!dispatch(scan, record)) {
                        break;
                    }
                    deadline = System.nanoTime() + readTimeout.toNanos();
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            List<Member> left;
            long reached;
            synchronized (this) {
                close(scan);
                left = List.copyOf(scan.members);
                reached = scan.next;
            }
            for (Member member : left) {
                member.finish(failure != null ? failure
                        : member.to <= reached ? null : new IllegalStateException("shared read of partition " + scan.partition + " ended at "
                        + reached + " before " + member.to));
            }
        }
    }

    /** Whether the scan reads on; when not, it is closed in the same step, so nobody joins it any more. */
    private synchronized boolean goOn(Scan scan, long position) {
        scan.next = Math.max(scan.next, position);
        for (Member member : scan.members) {
            if (!member.done && member.to <= scan.next) {
                member.finish(null);
            }
        }
        boolean more = scan.next < scan.end && scan.members.stream().anyMatch(m -> !m.done);
        if (!more) {
            close(scan);
        }
        return more;
    }

    /** Hands the record to the members it belongs to; false when no member is left. */
    private boolean dispatch(Scan scan, ConsumerRecord<String, byte[]> record) {
        long offset = record.offset();
        List<Member> targets = new ArrayList<>(2);
        synchronized (this) {
            scan.next = offset + 1;
            for (Member member : scan.members) {
                if (!member.done && offset >= member.from && offset < member.to) {
                    targets.add(member);
                }
            }
        }
        for (Member member : targets) {
            boolean more;
            try {
                more = member.sink.test(record);
            } catch (RuntimeException e) {
                member.finish(e);
                continue;
            }
            if (!more || offset + 1 >= member.to) {
                member.finish(null);
            }
        }
        synchronized (this) {
            if (scan.members.stream().allMatch(m -> m.done)) {
                close(scan);
                return false;
            }
            return true;
        }
    }

    private void close(Scan scan) {
        if (!scan.closed) {
            scan.closed = true;
            List<Scan> scans = running.get(scan.partition);
            scans.remove(scan);
            if (scans.isEmpty()) {
                running.remove(scan.partition);
            }
        }
    }
}
