package io.stagewire.events.data;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventType;
import io.stagewire.events.work.PageEvidence;
import java.util.Map;

/**
 * The data of {@code screenshot:captured} (schema {@code data/screenshot-captured.schema.json}).
 *
 * @param extra fields the schema does not list (other systems' own details), kept as they came
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScreenshotCaptured(
        String screenshotId,
        String fileId,
        String productUrl,
        @JsonInclude(JsonInclude.Include.ALWAYS) String productName,
        Integer index,
        Integer width,
        Integer height,
        PageEvidence evidence,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements EventData {

    public ScreenshotCaptured {
        extra = EventData.copyOf(extra);
    }

    public ScreenshotCaptured(String screenshotId, String fileId, String productUrl, String productName, Integer index,
                Integer width, Integer height, PageEvidence evidence) {
        this(screenshotId, fileId, productUrl, productName, index, width, height, evidence, Map.of());
    }

    @Override
    public EventType type() {
        return EventType.SCREENSHOT_CAPTURED;
    }
}
