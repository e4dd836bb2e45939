package io.stagewire.jobapi.service;

import io.stagewire.events.work.CrawlerConfig;

/**
 * A crawl job to create, as the caller asked for it (checked for shape by the REST layer; references are checked
 * on creation).
 *
 * @param priceListId may be null: labels then show shop prices
 * @param crawlerConfig with defaults applied
 */
public record NewCrawlJob(String shopUrl, String templateId, String priceListId, CrawlerConfig crawlerConfig) {
}
