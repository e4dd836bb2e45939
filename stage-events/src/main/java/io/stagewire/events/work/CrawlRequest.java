package io.stagewire.events.work;

import io.stagewire.events.Topics;

/**
 * crawl.requests: crawl {@code shopUrl} and screenshot each product page. Sent by job-api once
 * per job (again only when a failed crawl is retried, with a new requestId).
 *
 * @param priceListId null when the job has no price list
 */
public record CrawlRequest(String requestId, String jobId, String userId, String shopUrl, String templateId,
                           String priceListId, CrawlerConfig crawlerConfig) implements WorkMessage {

    @Override
    public String topic() {
        return Topics.CRAWL_REQUESTS;
    }

    @Override
    public String key() {
        return jobId;
    }
}
