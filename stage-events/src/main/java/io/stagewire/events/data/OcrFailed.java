package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code ocr:failed} (schema {@code data/ocr-failed.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OcrFailed(
        String screenshotId,
        String reason,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public OcrFailed {
        extra = EventData.copyOf(extra);
    }

    public OcrFailed(String screenshotId, String reason) {
        this(screenshotId, reason, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.OCR_FAILED;
    }
}
