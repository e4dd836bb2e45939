package io.stagewire.ocr.pipeline;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.ocr.service.FieldConfidence;
import io.stagewire.ocr.service.OcrResult;
import io.stagewire.ocr.service.PageEvidenceCheck;
import io.stagewire.ocr.service.ProductFields;

/**
 * The stage events of one OcrRequest (data as stage-events/src/main/resources/io/stagewire/events/schemas/data/ocr-*.schema.json describe it). Text is cut to the
 * lengths the schemas allow, so an overlong reading cannot make an event the codec refuses.
 */
final class OcrEvents {

    static final String SOURCE = "/stagewire/ocr-worker";
    private static final int ID_CHARS = 128;
    private static final int NAME_CHARS = 1000;
    private static final int CURRENCY_CHARS = 8;
    private static final int EAN_CHARS = 32;
    private static final int REASON_CHARS = 2000;

    private final OcrRequest request;
    private final OcrIds ids;

    OcrEvents(OcrRequest request, OcrIds ids) {
        this.request = request;
        this.ids = ids;
    }

    StageEvent started() {
        return event(ids.startedEvent(), EventType.OCR_STARTED, item());
    }

    /** The fields as checked against the page's evidence, with the evidence and what disagreed (issue 15). */
    StageEvent completed(OcrResult result, PageEvidenceCheck.Checked checked) {
        ProductFields fields = checked.fields();
        FieldConfidence confidence = fields.confidence();
        ObjectNode data = item()
                .put("ocrResultId", ids.ocrResult())
                .put("articleNumber", clip(fields.articleNumber(), ID_CHARS))
                .put("name", clip(fields.name(), NAME_CHARS))
                .put("price", fields.price())
                .put("previousPrice", fields.previousPrice())
                .put("currency", clip(fields.currency(), CURRENCY_CHARS))
                .put("ean", clip(fields.ean(), EAN_CHARS))
                .put("durationMs", result.durationMs());
        data.putObject("confidence")
                .put("articleNumber", confidence.articleNumber())
                .put("name", confidence.name())
                .put("price", confidence.price())
                .put("ean", confidence.ean());
        if (checked.evidence() != null) {
            data.set("evidence", StageEventJson.mapper().valueToTree(checked.evidence()));
            ArrayNode disagreements = data.putArray("disagreements");
            checked.disagreements().forEach(d -> disagreements.addObject()
                    .put("field", d.field()).put("read", clip(d.read(), NAME_CHARS)).put("stated", clip(d.stated(), NAME_CHARS)));
            ArrayNode filled = data.putArray("filledFromPage");
            checked.filledFromPage().forEach(filled::add);
        }
        return event(ids.endedEvent(), EventType.OCR_COMPLETED, data);
    }

    StageEvent failed(String reason) {
        return event(ids.endedEvent(), EventType.OCR_FAILED, item().put("reason", clip(reason, REASON_CHARS)));
    }

    /** Every item event names its screenshot, so job-api can count items. */
    private ObjectNode item() {
        return StageEventJson.object().put("screenshotId", request.screenshotId());
    }

    private StageEvent event(String id, EventType type, ObjectNode data) {
        return new StageEvent(id, type, SOURCE, request.jobId(), request.userId(), OffsetDateTime.now(), data);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
