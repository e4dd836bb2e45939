package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code job:completed} (schema {@code data/job-completed.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobCompleted(
        int totalProducts,
        int successfulOCR,
        int failedOCR,
        int matched,
        int unmatched,
        int labelsGenerated,
        long totalProcessingTime,
        Map<String, Long> stageDurations,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public JobCompleted {
        extra = EventData.copyOf(extra);
    }

    public JobCompleted(int totalProducts, int successfulOCR, int failedOCR, int matched, int unmatched, int labelsGenerated,
                long totalProcessingTime, Map<String, Long> stageDurations) {
        this(totalProducts, successfulOCR, failedOCR, matched, unmatched, labelsGenerated, totalProcessingTime,
                stageDurations, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.JOB_COMPLETED;
    }
}
