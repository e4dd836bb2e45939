package io.stagewire.crawler.pipeline;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stagewire.crawler.service.CrawlResult;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.work.CrawlRequest;

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
        ObjectNode data = StageEventJson.object();
        data.put("shopUrl", request.shopUrl());
        data.put("maxProducts", request.crawlerConfig().maxProducts());
        return event(CrawlIds.startedEventId(request.requestId()), EventType.CRAWL_STARTED, data);
    }

    StageEvent captured(Screenshot screenshot) {
        ObjectNode data = StageEventJson.object();
        data.put("screenshotId", screenshot.screenshotId());
        data.put("fileId", screenshot.fileId());
        data.put("productUrl", screenshot.productUrl().toString());
        data.put("productName", truncate(screenshot.productName(), MAX_TEXT_CHARS));
        data.put("index", screenshot.index());
        data.put("width", screenshot.width());
        data.put("height", screenshot.height());
        if (screenshot.evidence() != null) {
            data.set("evidence", StageEventJson.mapper().valueToTree(screenshot.evidence()));
        }
        return event(CrawlIds.capturedEventId(request.jobId(), screenshot.index()), EventType.SCREENSHOT_CAPTURED, data);
    }

    StageEvent completed(int count, CrawlResult result) {
        ObjectNode data = StageEventJson.object();
        data.put("count", count);
        data.put("pages", result.listingPages());
        data.put("durationMs", result.duration().toMillis());
        result.discovery().ifPresent(method -> data.put("discoveredBy", method.wireName()));
        return event(CrawlIds.endedEventId(request.requestId()), EventType.CRAWL_COMPLETED, data);
    }

    StageEvent failed(String reason) {
        ObjectNode data = StageEventJson.object();
        data.put("reason", truncate(reason, MAX_REASON_CHARS));
        data.put("url", request.shopUrl());
        return event(CrawlIds.endedEventId(request.requestId()), EventType.CRAWL_FAILED, data);
    }

    private StageEvent event(String id, EventType type, ObjectNode data) {
        return new StageEvent(id, type, SOURCE, request.jobId(), request.userId(), OffsetDateTime.now(), data);
    }

    private static String truncate(String text, int maxChars) {
        return text == null || text.length() <= maxChars ? text : text.substring(0, maxChars - 1) + "…";
    }
}
