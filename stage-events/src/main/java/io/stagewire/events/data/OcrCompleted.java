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
 * The data of {@code ocr:completed} (schema {@code data/ocr-completed.schema.json}).
 *
 * @param pricePrefix the word the shop writes before a from-price ("ab", "from"), as written; null for a plain price
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OcrCompleted(
        String screenshotId,
        String ocrResultId,
        @JsonInclude(JsonInclude.Include.ALWAYS) String articleNumber,
        @JsonInclude(JsonInclude.Include.ALWAYS) String name,
        @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal price,
        @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal previousPrice,
        String pricePrefix,
        @JsonInclude(JsonInclude.Include.ALWAYS) String currency,
        @JsonInclude(JsonInclude.Include.ALWAYS) String ean,
        Map<String, BigDecimal> confidence,
        Long durationMs,
        JsonNode evidence,
        List<Disagreement> disagreements,
        List<String> filledFromPage,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public OcrCompleted {
        extra = EventData.copyOf(extra);
    }

    public OcrCompleted(String screenshotId, String ocrResultId, String articleNumber, String name, BigDecimal price,
                BigDecimal previousPrice, String pricePrefix, String currency, String ean, Map<String, BigDecimal> confidence,
                Long durationMs, JsonNode evidence, List<Disagreement> disagreements, List<String> filledFromPage) {
        this(screenshotId, ocrResultId, articleNumber, name, price, previousPrice, pricePrefix, currency, ean, confidence,
                durationMs, evidence, disagreements, filledFromPage, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.OCR_COMPLETED;
    }

    /** A field where what was read and what the page states differ; fields the schema does not list are dropped. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Disagreement(String field, @JsonInclude(JsonInclude.Include.ALWAYS) String read, String stated) {
    }
}
