package io.stagewire.crawler.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.stagewire.crawler.pipeline.CrawlRequestProcessor;

/**
 * Reads crawl.requests (consumer group crawler-worker). A crawl blocks for seconds to minutes, so it runs on the
 * named worker pool {@value #POOL}, whose size (smallrye.messaging.worker.crawling.max-concurrency, one per browser
 * context) bounds the crawls of this process. Crawls of different jobs are independent, so they need not finish in
 * order; the throttled commit strategy still commits an offset only once every record before it is done. A record
 * that throws (one that does not decode, or whose storage kept failing) goes to crawl.requests.dlq with the reason
 * in dead-letter-reason, and the worker goes on.
 */
@ApplicationScoped
public class CrawlRequestConsumer {

    static final String POOL = "crawling";

    private final CrawlRequestProcessor processor;

    CrawlRequestConsumer(CrawlRequestProcessor processor) {
        this.processor = processor;
    }

    @Incoming("crawl-requests")
    @Blocking(value = POOL, ordered = false)
    public void consume(ConsumerRecord<String, byte[]> record) {
        processor.process(CrawlRequests.decode(record.value()));
    }
}
