package io.stagewire.labelworker.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.labelworker.domain.BarcodeType;
import io.stagewire.labelworker.domain.MatchResult;
import io.stagewire.labelworker.domain.PriceListRow;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The stage events of one label request (docs/events.md), each with the id {@link ItemIds} derives
 * for its type. Text is cut to the lengths the data schemas allow, so an overlong OCR reading
 * cannot make an event the codec refuses.
 */
final class LabelEvents {
    static final String SOURCE = "/stagewire/label-worker";
    private static final int ID_CHARS = 128;
    private static final int NAME_CHARS = 1000;
    private static final int REASON_CHARS = 2000;

    private final LabelRequest request;
    private final ItemIds ids;

    LabelEvents(LabelRequest request) {
        this.request = request;
        this.ids = new ItemIds(request.requestId());
    }

    ItemIds ids() {
        return ids;
    }

    StageEvent matchFound(MatchResult.Found found) {
        PriceListRow row = found.row();
        ObjectNode data = item()
                .put("articleNumber", clip(row.articleNumber(), ID_CHARS))
                .put("ocrArticleNumber", clip(found.ocrArticleNumber(), ID_CHARS))
                .put("matchedBy", found.matchedBy().wireName())
                .put("confidence", found.confidence())
                .put("name", clip(row.name(), NAME_CHARS))
                .put("listPrice", row.price())
                .put("shopPrice", found.shopPrice())
                .put("priceDifference", found.priceDifference())
                .put("currency", row.currency())
                .put("ean", row.ean());
        return event(EventType.MATCH_FOUND, data);
    }

    /**
     * A job without a price list labels what OCR read: match:found without {@code matchedBy} and
     * without a list price, so nothing is compared.
     */
    StageEvent takenAsRead(String articleNumber, String currency) {
        ObjectNode data = item()
                .put("articleNumber", clip(articleNumber, ID_CHARS))
                .put("ocrArticleNumber", clip(request.articleNumber(), ID_CHARS))
                .put("name", clip(request.name(), NAME_CHARS))
                .put("listPrice", (BigDecimal) null)
                .put("shopPrice", request.price())
                .put("priceDifference", (BigDecimal) null)
                .put("currency", currency)
                .put("ean", clip(request.ean(), 32));
        return event(EventType.MATCH_FOUND, data);
    }

    StageEvent matchFailed(String reason) {
        return event(EventType.MATCH_FAILED, item()
                .put("reason", clip(reason, REASON_CHARS))
                .put("articleNumber", clip(request.articleNumber(), ID_CHARS)));
    }

    StageEvent labelGenerated(String articleNumber, BarcodeType barcode) {
        ObjectNode data = item()
                .put("labelId", ids.label())
                .put("pngFileId", ids.pngFile())
                .put("pdfFileId", ids.pdfFile())
                .put("articleNumber", clip(articleNumber, ID_CHARS));
        if (barcode != null) {
            data.put("barcodeFormat", barcode.name());
        }
        return event(EventType.LABEL_GENERATED, data);
    }

    StageEvent labelFailed(String articleNumber, String reason) {
        return event(EventType.LABEL_FAILED, item()
                .put("reason", clip(reason, REASON_CHARS))
                .put("articleNumber", clip(articleNumber, ID_CHARS)));
    }

    /** Every item event names its screenshot, so job-api can count items. */
    private ObjectNode item() {
        return StageEventJson.object().put("screenshotId", request.screenshotId());
    }

    private StageEvent event(EventType type, ObjectNode data) {
        return new StageEvent(ids.event(type), type, SOURCE, request.jobId(), request.userId(), OffsetDateTime.now(), data);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
