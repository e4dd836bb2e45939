package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The data of {@code job:progress} (schema {@code data/job-progress.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobProgress(
        BigDecimal progress,
        String stage,
        Integer completed,
        Integer total,
        Map<String, Integer> counters,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public JobProgress {
        extra = EventData.copyOf(extra);
    }

    public JobProgress(BigDecimal progress, String stage, Integer completed, Integer total, Map<String, Integer> counters) {
        this(progress, stage, completed, total, counters, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.JOB_PROGRESS;
    }
}
