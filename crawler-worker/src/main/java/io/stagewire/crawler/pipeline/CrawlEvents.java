package io.stagewire.crawler.pipeline;

import java.time.OffsetDateTime;


import io.stagewire.crawler.service.CrawlResult;
import io.stagewire.events.StageEvent;
import io.stagewire.events.work.CrawlRequest;
import io.stagewire.crawler.service.DiscoveryMethod;
import io.stagewire.events.data.CrawlCompleted;
import io.stagewire.events.data.CrawlFailed;
import io.stagewire.events.data.CrawlStarted;
import io.stagewire.events.data.EventData;
import io.stagewire.events.data.ScreenshotCaptured;

/** The stage events of one crawl request (data as stage-events/src/main/resources/io/stagewire/events/schemas/data/crawl-*.schema.json describe it). */
final class CrawlEvents {

    static final String SOURCE = "/stagewire/crawler-worker";
    // The schemas' limits: a reason or URL longer than this would make the event invalid.
    private static final int MAX_REASON_CHARS = 2000;
    private static final int MAX_TEXT_CHARS = 1000;

    private final CrawlRequest request;

    CrawlEvents(CrawlRequest request) {
        this.request = request;
    }

    StageEvent started() {
        return event(CrawlIds.startedEventId(request.requestId()),
                new CrawlStarted(request.shopUrl(), request.crawlerConfig().maxProducts()));
    }

    StageEvent captured(Screenshot screenshot) {
        return event(CrawlIds.capturedEventId(request.jobId(), screenshot.index()), new ScreenshotCaptured(
                screenshot.screenshotId(), screenshot.fileId(), screenshot.productUrl().toString(),
                truncate(screenshot.productName(), MAX_TEXT_CHARS), screenshot.index(), screenshot.width(),
                screenshot.height(), screenshot.evidence()));
    }

    StageEvent completed(int count, CrawlResult result) {
        return event(CrawlIds.endedEventId(request.requestId()), new CrawlCompleted(count, result.listingPages(),
                result.duration().toMillis(), result.discovery().map(DiscoveryMethod::wireName).orElse(null)));
    }

    StageEvent failed(String reason) {
        return event(CrawlIds.endedEventId(request.requestId()),
                new CrawlFailed(truncate(reason, MAX_REASON_CHARS), request.shopUrl()));
    }

    private StageEvent event(String id, EventData data) {
        return data.toEvent(id, SOURCE, request.jobId(), request.userId(), OffsetDateTime.now());
    }

    private static String truncate(String text, int maxChars) {
        return text == null || text.length() <= maxChars ? text : text.substring(0, maxChars - 1) + "…";
    }
}
