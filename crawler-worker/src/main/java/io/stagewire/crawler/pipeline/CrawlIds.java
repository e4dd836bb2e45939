package io.stagewire.crawler.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids the crawler hands out, all name-based UUIDs, so a redelivered or restarted crawl arrives at the same
 * ones: its files are found instead of stored twice, and its events and OCR requests repeat under the ids they
 * had, which job-api and the OCR worker recognise as seen.
 *
 * <p>Per product the name is (job id, index): a product keeps its index across re-crawls of an unchanged shop, and a
 * retried crawl of the same job (new requestId) finds the products an earlier attempt stored. The events that
 * start and end a crawl are named by requestId: a retry is a new attempt with events of its own.
 */
final class CrawlIds {

    private CrawlIds() {
    }

    static String fileId(String jobId, int index) {
        return product("file", jobId, index);
    }

    static String screenshotId(String jobId, int index) {
        return product("screenshot", jobId, index);
    }

    static String capturedEventId(String jobId, int index) {
        return product("screenshot-captured", jobId, index);
    }

    static String ocrRequestId(String jobId, int index) {
        return product("ocr-request", jobId, index);
    }

    static String startedEventId(String requestId) {
        return uuid("crawl-started/" + requestId);
    }

    /** One id for the crawl's end, whether completed or failed: a request ends once. */
    static String endedEventId(String requestId) {
        return uuid("crawl-ended/" + requestId);
    }

    private static String product(String kind, String jobId, int index) {
        // Job ids have no '/', so the name cannot be read two ways.
        return uuid(kind + "/" + jobId + "/" + index);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(("stagewire/crawler-worker/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
