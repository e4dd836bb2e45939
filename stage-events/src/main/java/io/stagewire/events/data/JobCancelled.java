package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code job:cancelled} (schema {@code data/job-cancelled.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobCancelled(
        String reason,
        String cancelledBy,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public JobCancelled {
        extra = EventData.copyOf(extra);
    }

    public JobCancelled(String reason, String cancelledBy) {
        this(reason, cancelledBy, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.JOB_CANCELLED;
    }
}
