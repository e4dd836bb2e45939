package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code queue:position} (schema {@code data/queue-position.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueuePosition(
        int position,
        Integer queueLength,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public QueuePosition {
        extra = EventData.copyOf(extra);
    }

    public QueuePosition(int position, Integer queueLength) {
        this(position, queueLength, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.QUEUE_POSITION;
    }
}
