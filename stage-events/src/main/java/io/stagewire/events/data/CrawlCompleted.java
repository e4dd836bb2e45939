package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code crawl:completed} (schema {@code data/crawl-completed.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrawlCompleted(
        int count,
        Integer pages,
        Long durationMs,
        String discoveredBy,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public CrawlCompleted {
        extra = EventData.copyOf(extra);
    }

    public CrawlCompleted(int count, Integer pages, Long durationMs, String discoveredBy) {
        this(count, pages, durationMs, discoveredBy, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.CRAWL_COMPLETED;
    }
}
