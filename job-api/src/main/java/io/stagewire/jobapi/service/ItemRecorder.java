package io.stagewire.jobapi.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.jobapi.persistence.Label;
import io.stagewire.jobapi.persistence.LabelStatus;
import io.stagewire.jobapi.persistence.Match;
import io.stagewire.jobapi.persistence.MatchStatus;
import io.stagewire.jobapi.persistence.OcrResult;
import io.stagewire.jobapi.persistence.OcrStatus;
import io.stagewire.jobapi.persistence.Screenshot;
import io.stagewire.jobapi.persistence.ScreenshotKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Records what the workers report about single items: screenshots, OCR results, matches and
 * labels. Each item keeps one row per stage; a success is never overwritten by a failure, so a
 * stale failure delivered after a retry's success changes nothing.
 */
@ApplicationScoped
public class ItemRecorder {

    /** Whether {@link #record} does anything with events of this type. */
    public static boolean isItem(EventType type) {
        return switch (type) {
            case SCREENSHOT_CAPTURED, OCR_COMPLETED, OCR_FAILED, MATCH_FOUND, MATCH_FAILED, LABEL_GENERATED, LABEL_FAILED -> true;
            default -> false;
        };
    }

    /** Records the item event; events that are not about an item are ignored. */
    public Uni<Void> record(StageEvent event) {
        return switch (event.type()) {
            case SCREENSHOT_CAPTURED -> screenshot(event);
            case OCR_COMPLETED, OCR_FAILED -> ocr(event);
            case MATCH_FOUND, MATCH_FAILED -> match(event);
            case LABEL_GENERATED, LABEL_FAILED -> label(event);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> screenshot(StageEvent e) {
        String id = text(e.field("screenshotId"));
        return Screenshot.<Screenshot>findById(new ScreenshotKey(e.jobId(), id)).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Screenshot s = new Screenshot();
            s.jobId = e.jobId();
            s.screenshotId = id;
            s.fileId = text(e.field("fileId"));
            s.productUrl = text(e.field("productUrl"));
            s.productName = text(e.field("productName"));
            s.index = integer(e.field("index"));
            s.width = integer(e.field("width"));
            s.height = integer(e.field("height"));
            s.capturedAt = e.time();
            return s.persist().replaceWithVoid();
        });
    }

    private Uni<Void> ocr(StageEvent e) {
        boolean success = e.type() == EventType.OCR_COMPLETED;
        return upsert(OcrResult.<OcrResult>findById(new ScreenshotKey(e.jobId(), text(e.field("screenshotId")))), OcrResult::new,
                r -> r.status == OcrStatus.COMPLETED && !success, r -> {
                    r.jobId = e.jobId();
                    r.screenshotId = text(e.field("screenshotId"));
                    r.status = success ? OcrStatus.COMPLETED : OcrStatus.FAILED;
                    r.ocrResultId = text(e.field("ocrResultId"));
                    r.articleNumber = text(e.field("articleNumber"));
                    r.name = text(e.field("name"));
                    r.price = decimal(e.field("price"));
                    r.currency = text(e.field("currency"));
                    r.ean = text(e.field("ean"));
                    r.confidence = e.field("confidence").isObject() ? e.field("confidence").toString() : null;
                    r.durationMs = e.field("durationMs").isNumber() ? e.field("durationMs").asLong() : null;
                    r.reason = text(e.field("reason"));
                    r.recordedAt = e.time();
                });
    }

    private Uni<Void> match(StageEvent e) {
        boolean success = e.type() == EventType.MATCH_FOUND;
        return upsert(Match.<Match>findById(new ScreenshotKey(e.jobId(), text(e.field("screenshotId")))), Match::new,
                m -> m.status == MatchStatus.MATCHED && !success, m -> {
                    m.jobId = e.jobId();
                    m.screenshotId = text(e.field("screenshotId"));
                    m.status = success ? MatchStatus.MATCHED : MatchStatus.UNMATCHED;
                    m.articleNumber = text(e.field("articleNumber"));
                    m.ocrArticleNumber = text(e.field("ocrArticleNumber"));
                    m.matchedBy = text(e.field("matchedBy"));
                    m.name = text(e.field("name"));
                    m.listPrice = decimal(e.field("listPrice"));
                    m.shopPrice = decimal(e.field("shopPrice"));
                    m.priceDifference = decimal(e.field("priceDifference"));
                    m.currency = text(e.field("currency"));
                    m.ean = text(e.field("ean"));
                    m.reason = text(e.field("reason"));
                    m.recordedAt = e.time();
                });
    }

    private Uni<Void> label(StageEvent e) {
        boolean success = e.type() == EventType.LABEL_GENERATED;
        String screenshotId = text(e.field("screenshotId"));
        String labelId = text(e.field("labelId"));
        String itemKey = screenshotId != null ? screenshotId : labelId != null ? labelId : e.id();
        return upsert(Label.<Label>findById(new Label.Key(e.jobId(), itemKey)), Label::new,
                l -> l.status == LabelStatus.GENERATED && !success, l -> {
                    l.jobId = e.jobId();
                    l.itemKey = itemKey;
                    l.status = success ? LabelStatus.GENERATED : LabelStatus.FAILED;
                    l.labelId = labelId;
                    l.screenshotId = screenshotId;
                    l.pngFileId = text(e.field("pngFileId"));
                    l.pdfFileId = text(e.field("pdfFileId"));
                    l.articleNumber = text(e.field("articleNumber"));
                    l.barcodeFormat = text(e.field("barcodeFormat"));
                    l.reason = text(e.field("reason"));
                    l.recordedAt = e.time();
                });
    }

    /** Fills a new row or the existing one, unless {@code keep} says the existing row wins. */
    private static <T extends PanacheEntityBase> Uni<Void> upsert(
            Uni<T> existing, Supplier<T> create, Predicate<T> keep, Consumer<T> fill) {
        return existing.chain(row -> {
            if (row != null && keep.test(row)) {
                return Uni.createFrom().voidItem();
            }
            T target = row != null ? row : create.get();
            fill.accept(target);
            return row != null ? Uni.createFrom().voidItem() : target.persist().replaceWithVoid();
        });
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static Integer integer(JsonNode node) {
        return node.isIntegralNumber() ? node.asInt() : null;
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : null;
    }
}
