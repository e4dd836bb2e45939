package io.stagewire.ocr.pipeline;

import java.time.OffsetDateTime;


import io.stagewire.events.StageEvent;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.ocr.service.FieldConfidence;
import io.stagewire.ocr.service.OcrResult;
import io.stagewire.ocr.service.PageEvidenceCheck;
import io.stagewire.ocr.service.ProductFields;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.data.EventData;
import io.stagewire.events.data.OcrCompleted;
import io.stagewire.events.data.OcrFailed;
import io.stagewire.events.data.OcrStarted;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stage events of one OcrRequest (data as stage-events/src/main/resources/io/stagewire/events/schemas/data/ocr-*.schema.json describe it). Text is cut to the
 * lengths the schemas allow, so an overlong reading cannot make an event the codec refuses.
 */
final class OcrEvents {

    static final String SOURCE = "/stagewire/ocr-worker";
    private static final int ID_CHARS = 128;
    private static final int NAME_CHARS = 1000;
    private static final int CURRENCY_CHARS = 8;
    private static final int PREFIX_CHARS = 40;
    private static final int EAN_CHARS = 32;
    private static final int REASON_CHARS = 2000;

    private final OcrRequest request;
    private final OcrIds ids;

    OcrEvents(OcrRequest request, OcrIds ids) {
        this.request = request;
        this.ids = ids;
    }

    StageEvent started() {
        return event(ids.startedEvent(), new OcrStarted(request.screenshotId()));
    }

    /** The fields as checked against the page's evidence, with the evidence and what disagreed (issue 15). */
    StageEvent completed(OcrResult result, PageEvidenceCheck.Checked checked) {
        ProductFields fields = checked.fields();
        FieldConfidence confidence = fields.confidence();
        Map<String, BigDecimal> confidences = new LinkedHashMap<>();
        confidences.put("articleNumber", BigDecimal.valueOf(confidence.articleNumber()));
        confidences.put("name", BigDecimal.valueOf(confidence.name()));
        confidences.put("price", BigDecimal.valueOf(confidence.price()));
        confidences.put("ean", BigDecimal.valueOf(confidence.ean()));
        boolean checkedAgainstPage = checked.evidence() != null;
        return event(ids.endedEvent(), new OcrCompleted(request.screenshotId(), ids.ocrResult(),
                clip(fields.articleNumber(), ID_CHARS), clip(fields.name(), NAME_CHARS), fields.price(),
                fields.previousPrice(), clip(fields.pricePrefix(), PREFIX_CHARS), clip(fields.currency(), CURRENCY_CHARS), clip(fields.ean(), EAN_CHARS),
                confidences, result.durationMs(),
                checkedAgainstPage ? StageEventJson.mapper().valueToTree(checked.evidence()) : null,
                checkedAgainstPage ? checked.disagreements().stream().map(d -> new OcrCompleted.Disagreement(
                        d.field(), clip(d.read(), NAME_CHARS), clip(d.stated(), NAME_CHARS))).toList() : null,
                checkedAgainstPage ? List.copyOf(checked.filledFromPage()) : null));
    }

    StageEvent failed(String reason) {
        return event(ids.endedEvent(), new OcrFailed(request.screenshotId(), clip(reason, REASON_CHARS)));
    }

    /** Every item event names its screenshot, so job-api can count items. */
    private StageEvent event(String id, EventData data) {
        return data.toEvent(id, SOURCE, request.jobId(), request.userId(), OffsetDateTime.now());
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
