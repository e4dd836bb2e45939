package io.stagewire.jobapi.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.EventPosition;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import jakarta.enterprise.context.ApplicationScoped;

/** The durable history of job.events, one row per event (source and id), with its position. */
@ApplicationScoped
public class JobEventHistory {
    private static final String INSERT = """
            insert into job_events (source, id, job_id, user_id, type, time, kafka_partition, kafka_offset, data)
            values (:source, :id, :job, :user, :type, :time, :partition, :offset, cast(cast(:data as text) as jsonb))
            on conflict do nothing
            """;
    // The text cast matters: a parameter typed jsonb directly would store the string as a JSON string scalar.

    /** Records the event; false when it was recorded before (a redelivery), which then changes nothing. */
    public Uni<Boolean> record(StageEvent event, EventPosition position) {
        String data;
        try {
            data = StageEventJson.mapper().writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> session.<Object>createNativeQuery(INSERT)
                        .setParameter("source", event.source())
                        .setParameter("id", event.id())
                        .setParameter("job", event.jobId())
                        .setParameter("user", event.userId())
                        .setParameter("type", event.type().wireName())
                        .setParameter("time", event.time())
                        .setParameter("partition", position.partition())
                        .setParameter("offset", position.offset())
                        .setParameter("data", data)
                        .executeUpdate())
                .map(rows -> rows == 1);
    }
}
