package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The data of {@code match:failed} (schema {@code data/match-failed.schema.json}).
 *
 * @param failure what kind of failure, for review: {@code no-article-number}, {@code no-row} or {@code ambiguous}; null
 *        when the item could not be matched at all (no template, no price list), or from a sender that does not say
 * @param candidates the price-list rows an ambiguous reading was close to (for the user to pick from in review); null
 *        or empty when none
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchFailed(
        String screenshotId,
        String reason,
        @JsonInclude(JsonInclude.Include.ALWAYS) String articleNumber,
        String failure,
        List<Candidate> candidates,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public MatchFailed {
        extra = EventData.copyOf(extra);
    }

    public MatchFailed(String screenshotId, String reason, String articleNumber) {
        this(screenshotId, reason, articleNumber, null, null, Map.of());
    }

    public MatchFailed(String screenshotId, String reason, String articleNumber, String failure, List<Candidate> candidates) {
        this(screenshotId, reason, articleNumber, failure, candidates, Map.of());
    }

    /** A price-list row the reading was close to; fields the schema does not list are dropped. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Candidate(String articleNumber, String name, BigDecimal price, String currency, String ean) {
    }

    @Override
    public EventType type() {
        return EventType.MATCH_FAILED;
    }
}
