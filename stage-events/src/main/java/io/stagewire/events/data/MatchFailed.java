package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code match:failed} (schema {@code data/match-failed.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchFailed(
        String screenshotId,
        String reason,
        @JsonInclude(JsonInclude.Include.ALWAYS) String articleNumber,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public MatchFailed {
        extra = EventData.copyOf(extra);
    }

    public MatchFailed(String screenshotId, String reason, String articleNumber) {
        this(screenshotId, reason, articleNumber, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.MATCH_FAILED;
    }
}
