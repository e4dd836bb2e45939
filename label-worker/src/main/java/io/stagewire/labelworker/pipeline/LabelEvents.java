package io.stagewire.labelworker.pipeline;

import io.stagewire.events.StageEvent;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.labelworker.domain.BarcodeType;
import io.stagewire.labelworker.domain.MatchedBy;
import io.stagewire.labelworker.domain.MatchResult;
import io.stagewire.labelworker.domain.PriceListRow;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import io.stagewire.events.data.EventData;
import io.stagewire.events.data.LabelFailed;
import io.stagewire.events.data.LabelGenerated;
import io.stagewire.events.data.MatchFailed;
import io.stagewire.events.data.MatchFound;

/**
 * The stage events of one label request (docs/events.md), each with the id {@link LabelIds} derives
 * for its type. Text is cut to the lengths the data schemas allow, so an overlong OCR reading
 * cannot make an event the codec refuses.
 */
final class LabelEvents {
    static final String SOURCE = "/stagewire/label-worker";
    private static final int ID_CHARS = 128;
    private static final int NAME_CHARS = 1000;
    private static final int REASON_CHARS = 2000;
    private static final int EAN_CHARS = 32;
    /** The schema's maxItems for a match:failed's candidates. */
    static final int MAX_CANDIDATES = 20;

    private final LabelRequest request;
    private final LabelIds ids;

    LabelEvents(LabelRequest request) {
        this.request = request;
        this.ids = new LabelIds(request.requestId());
    }

    LabelIds ids() {
        return ids;
    }

    StageEvent matchFound(MatchResult.Found found) {
        PriceListRow row = found.row();
        return event(new MatchFound(request.screenshotId(), clip(row.articleNumber(), ID_CHARS),
                clip(found.ocrArticleNumber(), ID_CHARS), found.matchedBy().wireName(),
                BigDecimal.valueOf(found.confidence()), clip(row.name(), NAME_CHARS), row.price(), found.shopPrice(),
                found.priceDifference(), row.currency(), row.ean()));
    }

    /**
     * A job without a price list labels what OCR read: match:found without {@code matchedBy} and
     * without a list price, so nothing is compared.
     */
    StageEvent takenAsRead(String articleNumber, BigDecimal price, String currency) {
        boolean corrected = request.correction() != null;
        return event(new MatchFound(request.screenshotId(), clip(articleNumber, ID_CHARS),
                clip(request.articleNumber(), ID_CHARS), corrected ? MatchedBy.MANUAL.wireName() : null,
                corrected ? BigDecimal.ONE : null, clip(request.name(), NAME_CHARS), null,
                price, null, currency, clip(request.ean(), EAN_CHARS)));
    }

    /**
     * @param failure the kind, for review (null: the item could not be matched at all)
     * @param candidates the rows the reading was close to, for the user to pick from (at most {@value #MAX_CANDIDATES})
     */
    StageEvent matchFailed(String reason, MatchResult.Reason failure, List<PriceListRow> candidates) {
        List<MatchFailed.Candidate> offered = candidates.stream().limit(MAX_CANDIDATES)
                .map(row -> new MatchFailed.Candidate(clip(row.articleNumber(), ID_CHARS), clip(row.name(), NAME_CHARS),
                        row.price(), row.currency(), clip(row.ean(), EAN_CHARS)))
                .toList();
        return event(new MatchFailed(request.screenshotId(), clip(reason, REASON_CHARS),
                clip(request.articleNumber(), ID_CHARS), failure == null ? null : failure.wireName(),
                offered.isEmpty() ? null : offered));
    }

    StageEvent labelGenerated(String articleNumber, BarcodeType barcode) {
        return event(new LabelGenerated(ids.label(), ids.pngFile(), ids.pdfFile(), request.screenshotId(),
                clip(articleNumber, ID_CHARS), barcode == null ? null : barcode.name()));
    }

    StageEvent labelFailed(String articleNumber, String reason) {
        return event(new LabelFailed(clip(reason, REASON_CHARS), request.screenshotId(), clip(articleNumber, ID_CHARS)));
    }

    /** Every item event names its screenshot, so job-api can count items. */
    private StageEvent event(EventData data) {
        return data.toEvent(ids.event(data.type()), SOURCE, request.jobId(), request.userId(), OffsetDateTime.now());
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
