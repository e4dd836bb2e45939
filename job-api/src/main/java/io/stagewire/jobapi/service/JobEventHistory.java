package io.stagewire.jobapi.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.jobapi.persistence.MultiRowInsert;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The durable history of job.events, one row per event (source and id), with its position.
 * A batch is written with one statement; what was recorded before (a redelivery) is left out.
 */
@ApplicationScoped
public class JobEventHistory {
    // The text cast matters: a parameter typed jsonb directly would store the string as a JSON string scalar.
    private static final MultiRowInsert INSERT = new MultiRowInsert(
            "insert into job_events (source, id, job_id, user_id, type, time, kafka_partition, kafka_offset, data)",
            List.of("?", "?", "?", "?", "?", "?", "?", "?", "cast(cast(? as text) as jsonb)"), "on conflict do nothing");
    private static final int KEYS_PER_QUERY = 5_000;

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
     * Records the events not recorded before, in one statement per chunk; returns them in their
     * order, each once. Only these change anything: a redelivered event is history already.
     */
    public Uni<List<PositionedEvent>> recordNew(List<PositionedEvent> events) {
        return existing(events).chain(known -> {
            Set<Key> seen = new HashSet<>(known);
            List<PositionedEvent> fresh = new ArrayList<>();
            for (PositionedEvent p : events) {
                if (seen.add(Key.of(p.event()))) {
                    fresh.add(p);
                }
            }
            return INSERT.insert(fresh, p -> Arrays.asList(p.event().source(), p.event().id(), p.event().jobId(),
                            p.event().userId(), p.event().type().wireName(), p.event().time(), p.position().partition(),
                            p.position().offset(), json(p.event())))
                    .replaceWith(fresh);
        });
    }

    private static Uni<Set<Key>> existing(List<PositionedEvent> events) {
        List<Key> keys = events.stream().map(p -> Key.of(p.event())).distinct().toList();
        return Multi.createFrom().range(0, (keys.size() + KEYS_PER_QUERY - 1) / KEYS_PER_QUERY)
                .onItem().transformToUniAndConcatenate(chunk -> present(keys.subList(chunk * KEYS_PER_QUERY,
                        Math.min(keys.size(), (chunk + 1) * KEYS_PER_QUERY))))
                .onItem().transformToIterable(list -> list)
                .collect().asSet();
    }

    private static Uni<List<Key>> present(List<Key> keys) {
        String values = java.util.stream.IntStream.range(0, keys.size()).mapToObj(i -> "(?" + (2 * i + 1) + ", ?" + (2 * i + 2) + ")")
                .collect(Collectors.joining(", "));
        // A join on the primary key: one index probe per key.
        String sql = "select e.source, e.id from job_events e join (values " + values + ") as k (source, id) "
                + "on e.source = k.source and e.id = k.id";
        return Panache.getSession().chain(session -> {
            var query = session.<Object[]>createNativeQuery(sql);
            int index = 1;
            for (Key key : keys) {
                query.setParameter(index++, key.source());
                query.setParameter(index++, key.id());
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(row -> new Key((String) row[0], (String) row[1])).toList());
    }

    private static String json(StageEvent event) {
        try {
            return StageEventJson.mapper().writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
