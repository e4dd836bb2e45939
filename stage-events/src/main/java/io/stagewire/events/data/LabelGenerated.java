package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import java.util.Map;

/**
 * The data of {@code label:generated} (schema {@code data/label-generated.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelGenerated(
        String labelId,
        String pngFileId,
        String pdfFileId,
        String screenshotId,
        String articleNumber,
        String barcodeFormat,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public LabelGenerated {
        extra = EventData.copyOf(extra);
    }

    public LabelGenerated(String labelId, String pngFileId, String pdfFileId, String screenshotId, String articleNumber,
                String barcodeFormat) {
        this(labelId, pngFileId, pdfFileId, screenshotId, articleNumber, barcodeFormat, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.LABEL_GENERATED;
    }
}
