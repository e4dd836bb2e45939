package io.stagewire.jobapi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.EventPosition;
import io.stagewire.events.data.MatchFailed;
import io.stagewire.events.data.OcrCompleted;
import io.stagewire.jobapi.service.ReviewItem;
import io.stagewire.jobapi.persistence.JobEventRecord;
import io.stagewire.jobapi.persistence.Label;
import io.stagewire.jobapi.persistence.LabelTemplate;
import io.stagewire.jobapi.persistence.Match;
import io.stagewire.jobapi.persistence.OcrResult;
import io.stagewire.jobapi.persistence.PriceList;
import io.stagewire.jobapi.persistence.Screenshot;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's representations of what belongs to a job, and of price lists and templates. */
public final class Views {
    private static final String FILES = "/api/files/";

    private Views() {
    }

    @Schema(name = "JobPage")
    public record JobPage(List<JobView> items, int page, int size, long total) {
    }

    @Schema(name = "JobEventPage", description = "Events of a job in order; fewer than 'limit' means the end for now")
    public record EventPage(List<EventView> items,
                            @Schema(description = "Pass as 'after' for the next page; null when this page was not full (the end for now)")
                            String next) {
        /** Unpositioned events come last: a page ending in one has shown every positioned event, so it is the end for now. */
        static EventPage of(List<EventView> items, int limit) {
            return new EventPage(items, items.size() < limit || items.isEmpty() ? null : items.get(items.size() - 1).position());
        }
    }

    @Schema(name = "JobEvent", description = "A stage event as it was on job.events")
    public record EventView(String id, String type, String jobId, String userId, String source, OffsetDateTime time,
                            @Schema(description = "Opaque resume token: pass it as 'after'. Null for an event job-api has decided"
                                    + " and recorded but not yet put on job.events (it gets one within moments)", nullable = true)
                            String position,
                            JsonNode data) {
        static EventView of(JobEventRecord e) {
            return new EventView(e.id, e.type, e.jobId, e.userId, e.source, e.time,
                    e.partition == null ? null : new EventPosition(e.partition, e.offset).toString(), Json.tree(e.data));
        }
    }

    @Schema(name = "Screenshot")
    public record ScreenshotView(String id, String fileId, @Schema(description = "Download path of the image") String url,
                                 String productUrl, String productName, Integer index, Integer width, Integer height,
                                 OffsetDateTime capturedAt) {
        static ScreenshotView of(Screenshot s) {
            return new ScreenshotView(s.screenshotId, s.fileId, FILES + s.fileId, s.productUrl, s.productName, s.index,
                    s.width, s.height, s.capturedAt);
        }
    }

    @Schema(name = "Match", description = "How the OCR result fared against the price list")
    public record MatchView(@Schema(description = "matched or unmatched") String status, String articleNumber,
                            String matchedBy, String name, BigDecimal listPrice, BigDecimal shopPrice,
                            BigDecimal priceDifference, String currency, String ean, String reason,
                            @Schema(description = "For an unmatched item: no-article-number, no-row or ambiguous")
                            String failure) {
        static MatchView of(Match m) {
            return m == null ? null : new MatchView(m.status.wireName(), m.articleNumber, m.matchedBy, m.name, m.listPrice, m.shopPrice,
                    m.priceDifference, m.currency, m.ean, m.reason, m.failure);
        }
    }

    @Schema(name = "OcrResult")
    public record OcrResultView(String screenshotId, @Schema(description = "completed or failed") String status,
                                String articleNumber, String name, BigDecimal price,
                                @Schema(description = "The struck-through or 'statt' price the shop showed beside price")
                                BigDecimal previousPrice,
                                @Schema(description = "The word the shop wrote before a from-price ('ab', 'from'); absent for a plain price")
                                String pricePrefix, String currency, String ean,
                                @Schema(description = "Confidence 0-100 per field") JsonNode confidence, Long durationMs,
                                String reason, MatchView match, OffsetDateTime recordedAt,
                                @Schema(description = "Where the product page stated another value than OCR read; the reading stands")
                                List<OcrCompleted.Disagreement> disagreements) {
        static OcrResultView of(OcrResult r, Match match) {
            return new OcrResultView(r.screenshotId, r.status.wireName(), r.articleNumber, r.name, r.price,
                    r.previousPrice, r.pricePrefix, r.currency, r.ean, Json.treeOf(r.confidence), r.durationMs, r.reason,
                    MatchView.of(match), r.recordedAt, r.disagreements == null ? List.of() : r.disagreements.fields());
        }
    }

    @Schema(name = "ReviewItem", description = "An item whose label should not be trusted without a person's look")
    public record ReviewItemView(String screenshotId,
                                 @Schema(description = "Why it is listed, most pressing first: ambiguous, unmatched, "
                                         + "no-article-number, label-failed, disagreement") List<String> needs,
                                 @Schema(nullable = true) ScreenshotView screenshot,
                                 @Schema(description = "What OCR read, with its match") OcrResultView reading,
                                 @Schema(description = "Price-list rows an ambiguous reading was close to, to choose from")
                                 List<MatchFailed.Candidate> candidates,
                                 @Schema(nullable = true) LabelView label) {
        static ReviewItemView of(ReviewItem item) {
            Match match = item.match();
            return new ReviewItemView(item.reading().screenshotId, item.needs(),
                    item.screenshot() == null ? null : ScreenshotView.of(item.screenshot()), OcrResultView.of(item.reading(), match),
                    match == null || match.candidates == null ? List.of() : match.candidates.rows(),
                    item.label() == null ? null : LabelView.of(item.label()));
        }
    }

    @Schema(name = "Label")
    public record LabelView(String id, @Schema(description = "generated or failed") String status, String screenshotId,
                            String articleNumber, String barcodeFormat, String pngFileId, String pdfFileId,
                            String pngUrl, String pdfUrl, String reason, OffsetDateTime recordedAt) {
        static LabelView of(Label l) {
            return new LabelView(l.labelId != null ? l.labelId : l.itemKey, l.status.wireName(), l.screenshotId, l.articleNumber,
                    l.barcodeFormat, l.pngFileId, l.pdfFileId, l.pngFileId == null ? null : FILES + l.pngFileId,
                    l.pdfFileId == null ? null : FILES + l.pdfFileId, l.reason, l.recordedAt);
        }
    }

    @Schema(name = "PriceList")
    public record PriceListView(String id, String name, int rowCount, String fileId, OffsetDateTime createdAt) {
        static PriceListView of(PriceList p) {
            return new PriceListView(p.id, p.name, p.rowCount, p.fileId, p.createdAt);
        }
    }

    @Schema(name = "LabelTemplate")
    public record LabelTemplateView(String id, String name, @Schema(description = "true for templates every user sees") boolean builtIn,
                                    int widthMm, int heightMm, String barcodeFormat, String currency, int fontSizePt,
                                    OffsetDateTime createdAt) {
        static LabelTemplateView of(LabelTemplate t) {
            return new LabelTemplateView(t.id, t.name, t.userId == null, t.widthMm, t.heightMm, t.barcodeFormat, t.currency,
                    t.fontSizePt, t.createdAt);
        }
    }
}
