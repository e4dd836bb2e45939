package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code crawl:failed} (schema {@code data/crawl-failed.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrawlFailed(
        String reason,
        String url,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public CrawlFailed {
        extra = EventData.copyOf(extra);
    }

    public CrawlFailed(String reason, String url) {
        this(reason, url, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.CRAWL_FAILED;
    }
}
