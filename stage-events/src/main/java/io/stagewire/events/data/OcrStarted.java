package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code ocr:started} (schema {@code data/ocr-started.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OcrStarted(
        String screenshotId,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public OcrStarted {
        extra = EventData.copyOf(extra);
    }

    public OcrStarted(String screenshotId) {
        this(screenshotId, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.OCR_STARTED;
    }
}
