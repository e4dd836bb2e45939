package io.stagewire.gateway.fanout;

import io.stagewire.events.StageEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Delivers each live event of job.events to the subscribers of its job and of its owner.
 *
 * <p>The seam lock makes resume exact: dispatching a record and registering a subscription
 * exclude each other, so a new subscription learns exactly which offsets the live stream has
 * already passed (its seam). Everything below the seam comes from history, everything from the
 * seam on arrives live (held until the replay is done). Holding the lock costs the dispatch only
 * a few map lookups and queue offers, none of which block.
 */
@ApplicationScoped
public class FanOut {
    private final ReentrantLock seamLock = new ReentrantLock();
    // Per partition: the next offset the live stream will dispatch. Null until the consumer is assigned.
    private long[] liveNext;
    private volatile boolean started;
    private volatile Positions positions;

    private final ChannelIndex index;
    private final JobDirectory directory;
    private final FanOutMetrics metrics;

    private final long windowAgeMillis;

    @Inject
    public FanOut(ChannelIndex index, JobDirectory directory, FanOutMetrics metrics,
                  io.stagewire.gateway.config.GatewayConfig config) {
        this.index = index;
        this.directory = directory;
        this.metrics = metrics;
        this.windowAgeMillis = config.window().maxAge().toMillis();
    }

    /** The epoch of the log being read: set before anything is remembered or dispatched. */
    public void readingLog(Positions positions) {
        this.positions = positions;
    }

    /** The live stream begins at these offsets (the ends of the partitions when the consumer was assigned). */
    public void start(long[] startOffsets) {
        seamLock.lock();
        try {
            liveNext = startOffsets.clone();
            started = true;
        } finally {
            seamLock.unlock();
        }
    }

    /** A copy of where the live stream is. */
    public long[] liveNext() {
        seamLock.lock();
        try {
            return liveNext.clone();
        } finally {
            seamLock.unlock();
        }
    }

    /** How tokens are written in the current log's epoch; null until started. */
    public Positions positions() {
        return positions;
    }

    public boolean isStarted() {
        return started;
    }

    public int partitions() {
        seamLock.lock();
        try {
            return liveNext.length;
        } finally {
            seamLock.unlock();
        }
    }

    public void dispatch(int partition, long offset, StageEvent event) {
        Outbound.Deferral writes = new Outbound.Deferral();
        dispatch(partition, offset, event, false, writes);
        writes.flush();
    }

    /** An event read at start from the retained log (before the live stream): state and window only. */
    public void remember(int partition, long offset, StageEvent event, boolean firstOfJob) {
        if (directory.isRepeat(event, offset)) {
            return;
        }
        boolean recent = event.time().toInstant().toEpochMilli() >= System.currentTimeMillis() - windowAgeMillis;
        Frame frame = recent ? Frames.event(Channel.job(event.jobId()), event, partition, offset,
                positions.job(partition, offset)) : null;
        directory.saw(event, partition, offset, frame, firstOfJob);
    }

    /**
     * Dispatches one live event; the subscribers' socket writes wait in {@code writes} until the
     * caller flushes it (the live consumer does so once per batch of records).
     */
    public void dispatch(int partition, long offset, StageEvent event, boolean firstOfJob, Outbound.Deferral writes) {
        // Serialised once, outside the lock: kept in the job's window and shared by its subscribers.
        Frame jobFrame = Frames.event(Channel.job(event.jobId()), event, partition, offset, positions.job(partition, offset));
        seamLock.lock();
        try {
            liveNext[partition] = offset + 1;
            if (directory.isRepeat(event, offset)) {
                // Every event once: a repeat moves the live stream on and reaches nobody.
                metrics.repeatDropped();
                return;
            }
            directory.saw(event, partition, offset, jobFrame, firstOfJob);
            int frames = deliverToJob(jobFrame, event, writes) + deliverToUser(partition, offset, event, writes);
            metrics.dispatched(frames);
        } finally {
            seamLock.unlock();
        }
    }

    /** Whether the event at {@code offset} repeats one its job already had (see {@link JobDirectory#isRepeat}). */
    public boolean isRepeat(StageEvent event, long offset) {
        return directory.isRepeat(event, offset);
    }

    /** A record that is not a stage event still moves the live stream on. */
    public void pass(int partition, long offset) {
        seamLock.lock();
        try {
            liveNext[partition] = offset + 1;
        } finally {
            seamLock.unlock();
        }
    }

    /** Where a subscription joined the live stream, and what {@code atSeam} read at that same instant. */
    public record Joined<T>(long[] seam, T atSeam) {
    }

    /**
     * Adds the subscription (holding live events) and returns its seam: per partition, the first
     * live offset. {@code atSeam} runs under the same lock, so what it reads (the gateway's state
     * of a user's jobs) reflects exactly the events below the seam: none missing, none twice.
     */
    public <T> Joined<T> register(Subscription subscription, Supplier<T> atSeam) {
        seamLock.lock();
        try {
            index.add(subscription);
            return new Joined<>(liveNext.clone(), atSeam.get());
        } finally {
            seamLock.unlock();
        }
    }

    public void unregister(Subscription subscription) {
        subscription.cancel();
        index.remove(subscription);
    }

    private int deliverToJob(Frame frame, StageEvent event, Outbound.Deferral writes) {
        Subscription[] subscribers = index.subscribers(Channel.jobChannelName(event.jobId()));
        if (subscribers.length == 0) {
            return 0;
        }
        for (Subscription subscriber : subscribers) {
            subscriber.deliver(frame, writes);
        }
        return subscribers.length;
    }

    private int deliverToUser(int partition, long offset, StageEvent event, Outbound.Deferral writes) {
        Subscription[] subscribers = index.subscribers(Channel.userChannelName(event.userId()));
        if (subscribers.length == 0) {
            return 0;
        }
        Channel channel = Channel.user(event.userId());
        // Every live subscriber has every event of the channel below liveNext: it is their position.
        Frame shared = Frames.event(channel, event, partition, offset, positions.user(liveNext));
        for (Subscription subscriber : subscribers) {
            if (subscriber.isAheadOf(liveNext)) {
                // Resumed from a replica further on: its position must not go back.
                subscriber.deliver(Frames.event(channel, event, partition, offset,
                        positions.user(UserPosition.max(liveNext, subscriber.floor()))), writes);
            } else {
                subscriber.deliver(shared, writes);
            }
        }
        return subscribers.length;
    }
}
