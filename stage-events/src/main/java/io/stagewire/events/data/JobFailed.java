package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code job:failed} (schema {@code data/job-failed.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobFailed(
        String reason,
        String stage,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public JobFailed {
        extra = EventData.copyOf(extra);
    }

    public JobFailed(String reason, String stage) {
        this(reason, stage, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.JOB_FAILED;
    }
}
