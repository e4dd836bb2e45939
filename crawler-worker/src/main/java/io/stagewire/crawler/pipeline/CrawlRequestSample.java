package io.stagewire.crawler.pipeline;

import io.stagewire.events.work.CrawlRequest;
import io.stagewire.events.work.CrawlerConfig;
import io.stagewire.worker.messaging.RequestPathSample;
import jakarta.enterprise.context.ApplicationScoped;

/** A crawl request and its crawl:started, for the start's warm-up of the request path (RequestPathWarmUp). */
@ApplicationScoped
class CrawlRequestSample implements RequestPathSample {

    @Override
    public Sample sample(String id) {
        CrawlRequest request = new CrawlRequest(id, id, "warm-up", "https://shop.example/", null, null,
                new CrawlerConfig(36, null));
        return new Sample(request, new CrawlEvents(request).started());
    }
}
