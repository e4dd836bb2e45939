package io.stagewire.jobapi.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.jobapi.config.StagewireConfig;
import io.stagewire.jobapi.persistence.JobEventRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;

/**
 * The durable history of job.events, one row per event (source and id), with its position.
 * A batch is written with one statement; what was recorded before (a redelivery) is left out.
 * The table is partitioned (V6) and so has no unique key on (source, id): redeliveries are found by
 * looking back {@code stagewire.history.redelivery-window}, as long as job.events keeps a record.
 */
@ApplicationScoped
public class JobEventHistory {
    /**
     * One statement per batch, whatever its size: the rows travel as ten array parameters that unnest
     * turns back into rows, so neither the SQL nor the number of parameters grows with the batch. An
     * event recorded before within the redelivery window is left out (a redelivery), unless it was
     * announced without a position: then it gets one. {@code returning} says which rows were new.
     * Both look-ups must stay index probes per event whatever the table's size: only job-api's own
     * events ($12) are looked for to be positioned, and {@code offset 0} keeps the not-exists a probe
     * per row (the planner would otherwise hash the whole recent history: 7x slower at 90 000 rows).
     * It runs between {@link #PROBE_BY_INDEX} and {@link #PLAN_AS_CONFIGURED}.
     */
    private static final String INSERT = """
            with input as (
              select * from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::timestamptz[],
                                   $7::int[], $8::bigint[], $9::text[], $10::boolean[])
                     as e (source, id, job_id, user_id, type, time, kafka_partition, kafka_offset, data, external_job)
            ), positioned as (
              update job_events e set kafka_partition = i.kafka_partition, kafka_offset = i.kafka_offset
                from input i
               where i.source = $12 and e.source = i.source and e.id = i.id and e.external_job = i.external_job
                 and e.recorded_at > $11 and e.kafka_partition is null
              returning e.source, e.id
            ), inserted as (
              insert into job_events (source, id, job_id, user_id, type, time, kafka_partition, kafka_offset, data, external_job)
              select source, id, job_id, user_id, type, time, kafka_partition, kafka_offset, cast(data as jsonb), external_job
                from input i
               where not exists (select 1 from job_events e where e.source = i.source and e.id = i.id
                                    and e.external_job = i.external_job and e.recorded_at > $11 offset 0)
              returning source, id
            )
            select source, id from positioned union all select source, id from inserted""";

    /**
     * The insert's look-ups are index probes by design, and the planner is told so instead of being left to judge by the
     * day's partition statistics: the client caches the statement, and a generic plan made while the partition's last
     * statistics said it was nearly empty seq-scanned it once per event after it had grown (263 instead of 15 900 events/s
     * on a burst of 100 000, docs/storage.md) until the next ANALYZE, which without autovacuum never comes.
     */
    private static final String PROBE_BY_INDEX = "set local enable_seqscan = off";
    /** The rest of the batch's transaction (the job rows, the outbox) is planned as configured again. */
    private static final String PLAN_AS_CONFIGURED = "set local enable_seqscan to default";

    private final Duration redeliveryWindow;

    JobEventHistory(StagewireConfig config) {
        this.redeliveryWindow = checkedWindow(config.history().redeliveryWindow());
    }

    /** A window of zero or less would record every redelivery again: refused at start. */
    static Duration checkedWindow(Duration window) {
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("stagewire.history.redelivery-window must be positive (at least job.events'"
                    + " retention.ms + segment.ms), was " + window);
        }
        return window;
    }

    private record Key(String source, String id) {
        static Key of(StageEvent e) {
            return new Key(e.source(), e.id());
        }
    }

    /** Why the event cannot be stored (Postgres refuses NUL in text and jsonb), if it cannot. */
    public static Optional<String> unstorable(StageEvent event) {
        String json = json(event);
        boolean nul = json.contains("\\u0000") || (event.source() + event.id() + event.userId()).indexOf('\0') >= 0;
        return nul ? Optional.of("event contains a NUL character (\\u0000), which the history cannot store") : Optional.empty();
    }

    /**
     * Records job-api's own event in the history before it is on job.events, in the caller's transaction,
     * so that the job's history shows it as soon as the request that caused it has answered (read your
     * writes). It has no position until it comes back from Kafka: {@link #recordNew} fills it in then.
     */
    public Uni<Void> recordAnnounced(StageEvent event) {
        JobEventRecord record = new JobEventRecord();
        record.source = event.source();
        record.id = event.id();
        record.jobId = event.jobId();
        record.userId = event.userId();
        record.type = event.type().wireName();
        record.time = event.time();
        record.data = json(event);
        // job-api announces only for its own jobs: other systems decide about theirs (JobCommands refuses them).
        record.externalJob = false;
        return record.persist().replaceWithVoid();
    }

    /**
     * Records the events not recorded before, with one statement; returns them in their order,
     * each once. Only these change anything: a redelivered event is history already. An event
     * recorded before its position ({@link #recordAnnounced}) gets its position here and counts as
     * new: this is the first time it comes from the bus.
     */
    public Uni<List<PositionedEvent>> recordNew(List<PositionedEvent> events, Predicate<String> externalJob) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // Each event once: one insert may not propose the same key twice.
        Map<Key, PositionedEvent> unique = new LinkedHashMap<>();
        events.forEach(p -> unique.putIfAbsent(Key.of(p.event()), p));
        int n = unique.size();
        String[] source = new String[n], id = new String[n], jobId = new String[n], userId = new String[n], type = new String[n],
                data = new String[n];
        OffsetDateTime[] time = new OffsetDateTime[n];
        Boolean[] external = new Boolean[n];
        Integer[] partition = new Integer[n];
        Long[] offset = new Long[n];
        int i = 0;
        for (PositionedEvent p : unique.values()) {
            StageEvent e = p.event();
            source[i] = e.source();
            id[i] = e.id();
            jobId[i] = e.jobId();
            userId[i] = e.userId();
            type[i] = e.type().wireName();
            time[i] = e.time();
            external[i] = externalJob.test(e.jobId());
            partition[i] = p.position().partition();
            offset[i] = p.position().offset();
            data[i] = json(e);
            i++;
        }
        // A record can be redelivered only while it is on job.events: that long back is enough to look.
        OffsetDateTime since = OffsetDateTime.now().minus(redeliveryWindow);
        Object[] parameters = {source, id, jobId, userId, type, time, partition, offset, data, external, since, Outbox.SOURCE};
        // Hibernate Reactive's native queries cannot bind arrays; the session's own connection (same transaction as the
        // job updates of the batch) can. MutinySessionImpl is the implementation Quarkus' Panache session always is.
        return Panache.getSession()
                .map(session -> ((MutinySessionImpl) session).getReactiveConnection())
                .chain(connection -> Uni.createFrom().completionStage(connection.executeUnprepared(PROBE_BY_INDEX)
                        .thenCompose(set -> connection.select(INSERT, parameters))
                        .thenCompose(inserted -> connection.executeUnprepared(PLAN_AS_CONFIGURED).thenApply(reset -> inserted))))
                .map(inserted -> {
                    Set<Key> fresh = new HashSet<>();
                    inserted.forEachRemaining(row -> fresh.add(new Key((String) row[0], (String) row[1])));
                    return unique.entrySet().stream().filter(entry -> fresh.contains(entry.getKey())).map(Map.Entry::getValue).toList();
                });
    }

    private static String json(StageEvent event) {
        try {
            return StageEventJson.mapper().writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
