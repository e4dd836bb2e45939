package io.stagewire.gateway.fanout;

import io.stagewire.events.Decoded;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.gateway.config.GatewayConfig;
import io.stagewire.gateway.ownership.JobOwners;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Sends a plan's events to a subscription, paced to the client: first those from before the log
 * (window or job-api), then per partition the log's records of the channel up to the seam.
 * Blocking: runs on a set-up worker.
 */
@ApplicationScoped
class LogReplay {
    private static final byte[] NO_HEADER = new byte[0];
    /** How many sent events a replay remembers to recognise repeats (a worker's redone work follows within seconds). */
    private static final int REPLAY_KEYS = 4096;

    private final GatewayConfig config;
    private final PartitionLog log;
    private final JobOwners owners;
    private final FanOut fanOut;

    LogReplay(GatewayConfig config, PartitionLog log, JobOwners owners, FanOut fanOut) {
        this.config = config;
        this.log = log;
        this.owners = owners;
        this.fanOut = fanOut;
    }

    /** The number of events sent; stops early (quietly) when the subscription goes away or its client is too slow. */
    int replay(SubscriptionPlan plan, long[] seam, Subscription subscription) throws InterruptedException {
        Replayer replayer = new Replayer(plan, subscription);
        for (Frame frame : plan.beforeLog()) {
            if (!replayer.send(frame)) {
                return replayer.count;
            }
        }
        long[] from = plan.from();
        for (int p = 0; p < seam.length && !replayer.stopped; p++) {
            if (from[p] < seam[p]) {
                int partition = p;
                log.read(partition, from[p], seam[p], record -> replayer.accept(partition, record));
            }
            replayer.partitionDone(p, Math.max(seam[p], from[p]));
        }
        if (replayer.interrupted) {
            throw new InterruptedException();
        }
        return replayer.count;
    }

    /** Filters log records for one channel and sends them. */
    private final class Replayer {
        private final Channel channel;
        private final SubscriptionPlan plan;
        private final Subscription subscription;
        private final long[] cursor;
        private int count;
        private boolean stopped;
        /** Events this replay sent (job, source, id), the most recent ones: a repeat among them is not sent again. */
        private final Map<String, Boolean> sent = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REPLAY_KEYS;
            }
        };
        private boolean interrupted;

        Replayer(SubscriptionPlan plan, Subscription subscription) {
            this.channel = subscription.channel();
            this.plan = plan;
            this.subscription = subscription;
            this.cursor = plan.from().clone();
        }

        boolean accept(int partition, ConsumerRecord<String, byte[]> record) {
            if (!mayBelong(record) || !(StageEventCodec.decode(record) instanceof Decoded.Valid valid)) {
                return true;
            }
            StageEvent event = valid.event();
            boolean belongs = (channel.isJob() ? event.jobId().equals(channel.id()) : event.userId().equals(channel.id()))
                    // The live stream dead-lettered events that are not the job's owner's; a replay skips them too.
                    && owners.admits(event);
            Long reflected = plan.reflectedInSnapshot().get(event.jobId());
            if (!belongs || (reflected != null && record.offset() <= reflected)) {
                return true;
            }
            // A producer's repeat of an event: skipped as the live stream skips it, whether its first is in the job's
            // window or earlier in this replay.
            if (fanOut.isRepeat(event, record.offset()) || sent.put(event.jobId() + '\n' + JobDirectory.eventKey(event), Boolean.TRUE) != null) {
                return true;
            }
            String position;
            if (channel.isJob()) {
                position = fanOut.positions().job(partition, record.offset());
            } else {
                cursor[partition] = record.offset() + 1;
                position = fanOut.positions().user(cursor);
            }
            return send(Frames.event(channel, event, partition, record.offset(), position).replayed());
        }

        void partitionDone(int partition, long next) {
            cursor[partition] = next;
        }

        /** Cheap pre-filter before decoding: the key is the job id; binary mode carries the owner in a header. */
        private boolean mayBelong(ConsumerRecord<String, byte[]> record) {
            if (channel.isJob()) {
                return channel.id().equals(record.key());
            }
            Header owner = record.headers().lastHeader("ce_" + StageEventCodec.USERID);
            byte[] value = owner == null ? NO_HEADER : owner.value();
            return owner == null || new String(value, StandardCharsets.UTF_8).equals(channel.id());
        }

        boolean send(Frame frame) {
            Outbound out = subscription.outbound();
            try {
                boolean room = !subscription.isCancelled()
                        && out.awaitRoom(config.replay().drainTimeout().toMillis(), TimeUnit.MILLISECONDS, subscription::isCancelled);
                if (subscription.isCancelled()) {
                    // Unsubscribed (or the connection went away) meanwhile: stop quietly, the client asked for it.
                    stopped = true;
                    return false;
                }
                if (!room) {
                    out.dropAsSlowConsumer();
                    stopped = true;
                    return false;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                stopped = true;
                return false;
            }
            if (!out.offer(frame)) {
                stopped = true;
                return false;
            }
            count++;
            return true;
        }
    }
}
