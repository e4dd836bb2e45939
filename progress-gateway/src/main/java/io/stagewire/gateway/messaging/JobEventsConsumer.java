package io.stagewire.gateway.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stagewire.events.Decoded;
import io.stagewire.events.StageEventCodec;
import io.stagewire.gateway.config.GatewayConfig;
import io.stagewire.gateway.fanout.FanOut;
import io.stagewire.gateway.fanout.Outbound;
import io.stagewire.gateway.fanout.Positions;
import io.stagewire.gateway.metrics.GatewayMetrics;
import io.stagewire.gateway.ownership.JobOwners;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The live stream: one consumer that is assigned every partition of job.events (no consumer
 * group, so each replica reads everything) and starts at the end — what happened before is
 * history, served by replay. It decodes each record once and hands it to the fan-out, which
 * never blocks; invalid records go to the dead-letter topic and consumption goes on.
 *
 * <p>A plain KafkaConsumer on its own thread rather than a SmallRye channel: the resume seam
 * needs the exact start offsets of the assignment and the per-partition dispatch order, which
 * a managed channel does not expose.
 */
@ApplicationScoped
public class JobEventsConsumer {
    private static final Logger LOG = Logger.getLogger(JobEventsConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int FLUSH_EVERY = 32;

    private final GatewayConfig config;
    private final KafkaSettings kafka;
    private final FanOut fanOut;
    private final DeadLetters deadLetters;
    private final GatewayMetrics metrics;
    private final JobOwners owners;
    private final LogEpoch epochs;

    JobEventsConsumer(GatewayConfig config, KafkaSettings kafka, FanOut fanOut, DeadLetters deadLetters,
                      GatewayMetrics metrics, JobOwners owners, LogEpoch epochs) {
        this.config = config;
        this.kafka = kafka;
        this.fanOut = fanOut;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.owners = owners;
        this.epochs = epochs;
    }

    private volatile boolean running;
    private volatile boolean assigned;
    private volatile long lastPollMillis;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "job-events-live");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Assigned and polling: the readiness check. */
    public boolean isLive() {
        return assigned && running && System.currentTimeMillis() - lastPollMillis < 30_000;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = kafka.consumer("progress-gateway-live", 1000)) {
                consumer = c;
                List<TopicPartition> partitions = assignAtEnd(c);
                consume(c, partitions);
            } catch (WakeupException e) {
                // Shutdown.
            } catch (RuntimeException e) {
                assigned = false;
                LOG.errorf(e, "live consumer of %s failed; starting it again", config.topic());
                pause();
            }
        }
    }

    private List<TopicPartition> assignAtEnd(KafkaConsumer<String, byte[]> c) {
        List<PartitionInfo> infos;
        while ((infos = c.partitionsFor(config.topic(), Duration.ofSeconds(10))) == null || infos.isEmpty()) {
            LOG.warnf("topic %s has no partitions yet", config.topic());
            pause();
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                .toList();
        fanOut.readingLog(new Positions(epochs.current()));
        c.assign(partitions);
        Map<TopicPartition, Long> ends = c.endOffsets(partitions);
        long[] start = new long[partitions.size()];
        if (fanOut.isStarted()) {
            // A restart of the consumer inside a running gateway continues where dispatch stopped,
            // so subscriptions stay gap-free.
            start = fanOut.liveNext();
        } else {
            for (TopicPartition tp : partitions) {
                start[tp.partition()] = ends.get(tp);
            }
            learnOwners(c, partitions, ends);
        }
        for (TopicPartition tp : partitions) {
            c.seek(tp, start[tp.partition()]);
        }
        fanOut.start(start);
        lastPollMillis = System.currentTimeMillis();
        assigned = true;
        LOG.infof("live on %d partitions of %s", partitions.size(), config.topic());
        return partitions;
    }

    /**
     * Reads the retained log up to where the live stream starts, so that the owner of every job is
     * bound by its first event even when that event came before this process (docs/security.md),
     * and the state and recent events of every job are in memory (the refill, docs/delivery.md).
     * Rejected events are not dead-lettered again: a gateway (and job-api) did so when they were live.
     */
    private void learnOwners(KafkaConsumer<String, byte[]> c, List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        long began = System.nanoTime();
        Map<TopicPartition, Long> starts = c.beginningOffsets(partitions);
        List<TopicPartition> pending = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            c.seek(tp, starts.get(tp));
            if (starts.get(tp) < ends.get(tp)) {
                pending.add(tp);
            }
        }
        c.pause(partitions.stream().filter(tp -> !pending.contains(tp)).toList());
        long read = 0;
        while (!pending.isEmpty() && running) {
            for (ConsumerRecord<String, byte[]> record : c.poll(POLL)) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < ends.get(tp) && StageEventCodec.decode(record) instanceof Decoded.Valid valid
                        && owners.admit(valid.event()) instanceof JobOwners.Admission.Admitted admitted) {
                    // The job's state and recent window, so that subscribing right after a restart is served from memory.
                    fanOut.remember(record.partition(), record.offset(), valid.event(), admitted.first());
                }
                read++;
            }
            List<TopicPartition> done = pending.stream().filter(tp -> c.position(tp) >= ends.get(tp)).toList();
            c.pause(done);
            pending.removeAll(done);
        }
        c.resume(partitions);
        LOG.infof("learnt job owners from %d records of %s in %d ms", read, config.topic(), (System.nanoTime() - began) / 1_000_000);
    }

    private void consume(KafkaConsumer<String, byte[]> c, List<TopicPartition> partitions) {
        Outbound.Deferral writes = new Outbound.Deferral();
        while (running) {
            ConsumerRecords<String, byte[]> records = c.poll(POLL);
            lastPollMillis = System.currentTimeMillis();
            // Socket writes for a batch of records are handed to the event loops together (every
            // FLUSH_EVERY records), not one wake-up per connection and record.
            try {
                int n = 0;
                for (ConsumerRecord<String, byte[]> record : records) {
                    switch (StageEventCodec.decode(record)) {
                        case Decoded.Valid valid -> {
                            switch (owners.admit(valid.event())) {
                                case JobOwners.Admission.Rejected rejected -> {
                                    fanOut.pass(record.partition(), record.offset());
                                    deadLetters.send(record, rejected.reason());
                                }
                                case JobOwners.Admission.Admitted admitted ->
                                        fanOut.dispatch(record.partition(), record.offset(), valid.event(), admitted.first(), writes);
                            }
                        }
                        case Decoded.Invalid invalid -> {
                            fanOut.pass(record.partition(), record.offset());
                            deadLetters.send(record, invalid.reason());
                        }
                    }
                    if (++n % FLUSH_EVERY == 0) {
                        writes.flush();
                    }
                }
            } finally {
                writes.flush();
            }
            metrics.kafkaLag(lag(c, partitions));
        }
    }

    private static long lag(KafkaConsumer<String, byte[]> c, List<TopicPartition> partitions) {
        long total = 0;
        for (TopicPartition tp : partitions) {
            OptionalLong lag = c.currentLag(tp);
            total += lag.orElse(0);
        }
        return total;
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
