package io.stagewire.jobapi.service;

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
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import io.stagewire.events.data.EventData;
import io.stagewire.events.data.LabelFailed;
import io.stagewire.events.data.LabelGenerated;
import io.stagewire.events.data.MatchFailed;
import io.stagewire.events.data.MatchFound;
import io.stagewire.events.data.OcrCompleted;
import io.stagewire.events.data.OcrFailed;
import io.stagewire.events.data.ScreenshotCaptured;

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
        ScreenshotCaptured data = EventData.as(e, ScreenshotCaptured.class);
        return Screenshot.<Screenshot>findById(new ScreenshotKey(e.jobId(), data.screenshotId())).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Screenshot s = new Screenshot();
            s.jobId = e.jobId();
            s.screenshotId = data.screenshotId();
            s.fileId = data.fileId();
            s.productUrl = data.productUrl();
            s.productName = data.productName();
            s.index = data.index();
            s.width = data.width();
            s.height = data.height();
            s.capturedAt = e.time();
            return s.persist().replaceWithVoid();
        });
    }

    private Uni<Void> ocr(StageEvent e) {
        EventData data = EventData.of(e);
        OcrCompleted read = data instanceof OcrCompleted completed ? completed : null;
        String screenshotId = read != null ? read.screenshotId() : ((OcrFailed) data).screenshotId();
        return upsert(OcrResult.<OcrResult>findById(new ScreenshotKey(e.jobId(), screenshotId)), OcrResult::new,
                r -> r.status == OcrStatus.COMPLETED && read == null, r -> {
                    r.jobId = e.jobId();
                    r.screenshotId = screenshotId;
                    r.status = read != null ? OcrStatus.COMPLETED : OcrStatus.FAILED;
                    r.ocrResultId = read != null ? read.ocrResultId() : null;
                    r.articleNumber = read != null ? read.articleNumber() : null;
                    r.name = read != null ? read.name() : null;
                    r.price = read != null ? read.price() : null;
                    r.previousPrice = read != null ? read.previousPrice() : null;
                    r.pricePrefix = read != null ? read.pricePrefix() : null;
                    r.currency = read != null ? read.currency() : null;
                    r.ean = read != null ? read.ean() : null;
                    r.confidence = read != null ? read.confidence() : null;
                    r.durationMs = read != null ? read.durationMs() : null;
                    r.disagreements = read != null && read.disagreements() != null && !read.disagreements().isEmpty()
                            ? new OcrResult.Disagreements(read.disagreements()) : null;
                    r.reason = data instanceof OcrFailed failed ? failed.reason() : null;
                    r.recordedAt = e.time();
                });
    }

    private Uni<Void> match(StageEvent e) {
        EventData data = EventData.of(e);
        MatchFound found = data instanceof MatchFound matchFound ? matchFound : null;
        MatchFailed failed = data instanceof MatchFailed matchFailed ? matchFailed : null;
        String screenshotId = found != null ? found.screenshotId() : failed.screenshotId();
        return upsert(Match.<Match>findById(new ScreenshotKey(e.jobId(), screenshotId)), Match::new,
                m -> m.status == MatchStatus.MATCHED && found == null, m -> {
                    m.jobId = e.jobId();
                    m.screenshotId = screenshotId;
                    m.status = found != null ? MatchStatus.MATCHED : MatchStatus.UNMATCHED;
                    m.articleNumber = found != null ? found.articleNumber() : failed.articleNumber();
                    m.ocrArticleNumber = found != null ? found.ocrArticleNumber() : null;
                    m.matchedBy = found != null ? found.matchedBy() : null;
                    m.name = found != null ? found.name() : null;
                    m.listPrice = found != null ? found.listPrice() : null;
                    m.shopPrice = found != null ? found.shopPrice() : null;
                    m.priceDifference = found != null ? found.priceDifference() : null;
                    m.currency = found != null ? found.currency() : null;
                    m.ean = found != null ? found.ean() : null;
                    m.reason = failed != null ? failed.reason() : null;
                    m.failure = failed != null ? failed.failure() : null;
                    m.candidates = failed != null && failed.candidates() != null && !failed.candidates().isEmpty()
                            ? new Match.Candidates(failed.candidates()) : null;
                    m.recordedAt = e.time();
                });
    }

    private Uni<Void> label(StageEvent e) {
        EventData data = EventData.of(e);
        LabelGenerated generated = data instanceof LabelGenerated labelGenerated ? labelGenerated : null;
        LabelFailed failed = data instanceof LabelFailed labelFailed ? labelFailed : null;
        String screenshotId = generated != null ? generated.screenshotId() : failed.screenshotId();
        String labelId = generated != null ? generated.labelId() : null;
        String itemKey = screenshotId != null ? screenshotId : labelId != null ? labelId : e.id();
        return upsert(Label.<Label>findById(new Label.Key(e.jobId(), itemKey)), Label::new,
                l -> l.status == LabelStatus.GENERATED && generated == null, l -> {
                    l.jobId = e.jobId();
                    l.itemKey = itemKey;
                    l.status = generated != null ? LabelStatus.GENERATED : LabelStatus.FAILED;
                    l.labelId = labelId;
                    l.screenshotId = screenshotId;
                    l.pngFileId = generated != null ? generated.pngFileId() : null;
                    l.pdfFileId = generated != null ? generated.pdfFileId() : null;
                    l.articleNumber = generated != null ? generated.articleNumber() : failed.articleNumber();
                    l.barcodeFormat = generated != null ? generated.barcodeFormat() : null;
                    l.reason = failed != null ? failed.reason() : null;
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
}
