package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code job:updated} (schema {@code data/job-updated.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobUpdated(
        String status,
        String stage,
        String previousStatus,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public JobUpdated {
        extra = EventData.copyOf(extra);
    }

    public JobUpdated(String status, String stage, String previousStatus) {
        this(status, stage, previousStatus, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.JOB_UPDATED;
    }
}
