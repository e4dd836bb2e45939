package io.stagewire.crawler.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.stagewire.events.work.CrawlRequest;
import io.stagewire.events.work.CrawlerConfig;
import io.stagewire.events.work.WorkMessages;

/** What makes a crawl.requests record a dead letter, and the reason it carries. */
class CrawlRequestsTest {

    @Test
    void readsAValidRequestIgnoringUnknownFields() {
        byte[] json = """
                {"requestId": "r1", "jobId": "job-1", "userId": "u1", "shopUrl": "https://shop.example/",
                 "templateId": "default", "crawlerConfig": {"maxProducts": 3}, "addedLater": true}"""
                .getBytes(StandardCharsets.UTF_8);

        CrawlRequest request = CrawlRequests.decode(json);

        assertThat(request.jobId()).isEqualTo("job-1");
        assertThat(request.crawlerConfig().effectiveMaxPages()).isEqualTo(CrawlerConfig.DEFAULT_PAGES);
    }

    @Test
    void refusesWhatCannotBeAnsweredWithTheReason() {
        assertReason(null, "no value");
        assertReason("{\"jobId\": ".getBytes(StandardCharsets.UTF_8), "not a CrawlRequest");
        assertReason(with("job 1", "https://shop.example/", new CrawlerConfig(3, null)), "jobId 'job 1'");
        assertReason(with("job-1", "file:///etc/passwd", new CrawlerConfig(3, null)), "not an http(s) URL");
        assertReason(with("job-1", "http://", new CrawlerConfig(3, null)), "shopUrl");
        assertReason(with("job-1", "https://shop.example/", null), "needs crawlerConfig");
        assertReason(with("job-1", "https://shop.example/", new CrawlerConfig(0, null)), "maxProducts must be 1-500");
        assertReason(with("job-1", "https://shop.example/", new CrawlerConfig(501, null)), "maxProducts must be 1-500");
        assertReason(with("job-1", "https://shop.example/", new CrawlerConfig(3, 0)), "maxPages must be 1-100");
        assertReason(with("job-1", "https://shop.example/", new CrawlerConfig(3, null, "a".repeat(501), null, null)),
                "crawlerConfig.productLinkSelector is longer than 500 characters");
    }

    private static byte[] with(String jobId, String shopUrl, CrawlerConfig config) {
        return WorkMessages.toJson(new CrawlRequest("r1", jobId, "u1", shopUrl, "default", null, config));
    }

    private static void assertReason(byte[] value, String reason) {
        assertThatThrownBy(() -> CrawlRequests.decode(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
