package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code label:failed} (schema {@code data/label-failed.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelFailed(
        String reason,
        String screenshotId,
        @JsonInclude(JsonInclude.Include.ALWAYS) String articleNumber,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public LabelFailed {
        extra = EventData.copyOf(extra);
    }

    public LabelFailed(String reason, String screenshotId, String articleNumber) {
        this(reason, screenshotId, articleNumber, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.LABEL_FAILED;
    }
}
