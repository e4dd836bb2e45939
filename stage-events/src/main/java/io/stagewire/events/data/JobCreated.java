package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code job:created} (schema {@code data/job-created.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobCreated(
        String status,
        String kind,
        String shopUrl,
        String templateId,
        String priceListId,
        JsonNode crawlerConfig,
        Integer imageCount,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public JobCreated {
        extra = EventData.copyOf(extra);
    }

    public JobCreated(String status, String kind, String shopUrl, String templateId, String priceListId,
                JsonNode crawlerConfig, Integer imageCount) {
        this(status, kind, shopUrl, templateId, priceListId, crawlerConfig, imageCount, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.JOB_CREATED;
    }
}
