package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code crawl:started} (schema {@code data/crawl-started.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrawlStarted(
        String shopUrl,
        Integer maxProducts,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public CrawlStarted {
        extra = EventData.copyOf(extra);
    }

    public CrawlStarted(String shopUrl, Integer maxProducts) {
        this(shopUrl, maxProducts, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.CRAWL_STARTED;
    }
}
