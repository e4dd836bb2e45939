package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The data of {@code match:found} (schema {@code data/match-found.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchFound(
        String screenshotId,
        String articleNumber,
        @JsonInclude(JsonInclude.Include.ALWAYS) String ocrArticleNumber,
        String matchedBy,
        BigDecimal confidence,
        @JsonInclude(JsonInclude.Include.ALWAYS) String name,
        @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal listPrice,
        @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal shopPrice,
        @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal priceDifference,
        @JsonInclude(JsonInclude.Include.ALWAYS) String currency,
        @JsonInclude(JsonInclude.Include.ALWAYS) String ean,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public MatchFound {
        extra = EventData.copyOf(extra);
    }

    public MatchFound(String screenshotId, String articleNumber, String ocrArticleNumber, String matchedBy,
                BigDecimal confidence, String name, BigDecimal listPrice, BigDecimal shopPrice,
                BigDecimal priceDifference, String currency, String ean) {
        this(screenshotId, articleNumber, ocrArticleNumber, matchedBy, confidence, name, listPrice, shopPrice,
                priceDifference, currency, ean, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.MATCH_FOUND;
    }
}
