package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The data of {@code ocr:progress} (schema {@code data/ocr-progress.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OcrProgress(
        String screenshotId,
        BigDecimal progress,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public OcrProgress {
        extra = EventData.copyOf(extra);
    }

    public OcrProgress(String screenshotId, BigDecimal progress) {
        this(screenshotId, progress, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.OCR_PROGRESS;
    }
}
