package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code system:notification} (schema {@code data/system-notification.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemNotification(
        String message,
        String level,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public SystemNotification {
        extra = EventData.copyOf(extra);
    }

    public SystemNotification(String message, String level) {
        this(message, level, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.SYSTEM_NOTIFICATION;
    }
}
