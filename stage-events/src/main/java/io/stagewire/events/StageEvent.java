package io.stagewire.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One stage event: the CloudEvents envelope of DESIGN.md with JSON {@code data}.
 *
 * @param id     the producer's event id, kept as the event id
 * @param type   the stage event type
 * @param source the producing system (a URI reference, e.g. {@code /stagewire/job-api})
 * @param jobId  the CloudEvents {@code subject}
 * @param userId the {@code userid} extension: the job's owner (OIDC {@code sub})
 * @param time   when it happened
 * @param data   the event's data, a JSON object valid for its type
 */
public record StageEvent(String id, EventType type, String source, String jobId, String userId,
                         OffsetDateTime time, ObjectNode data) {

    public StageEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a random id and the current time. */
    public static StageEvent of(EventType type, String source, String jobId, String userId, ObjectNode data) {
        return new StageEvent(UUID.randomUUID().toString(), type, source, jobId, userId, OffsetDateTime.now(), data);
    }

    /** Convenience for reading one field of {@link #data()}. */
    public JsonNode field(String name) {
        return data.path(name);
    }
}
