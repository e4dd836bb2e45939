package io.stagewire.crawler.service;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Page-load and screenshot times and product outcomes, at /q/metrics, for sizing and the benchmark. */
@ApplicationScoped
class CrawlMetrics {

    private final MeterRegistry registry;
    private final Timer listingLoads;
    private final Timer productLoads;
    private final Timer screenshots;

    CrawlMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.listingLoads = pageLoadTimer(registry, "listing");
        this.productLoads = pageLoadTimer(registry, "product");
        this.screenshots = Timer.builder("stagewire.crawler.screenshot")
                .description("Finding the product area and taking its screenshot")
                .register(registry);
    }

    <T> T timeListingLoad(Supplier<T> load) {
        return listingLoads.record(load);
    }

    <T> T timeProductLoad(Supplier<T> load) {
        return productLoads.record(load);
    }

    <T> T timeScreenshot(Supplier<T> screenshot) {
        return screenshots.record(screenshot);
    }

    /** outcome: captured, failed or skipped. */
    void countProduct(String outcome) {
        registry.counter("stagewire.crawler.products", "outcome", outcome).increment();
    }

    void countBlockedRequest() {
        registry.counter("stagewire.crawler.requests.blocked").increment();
    }

    private static Timer pageLoadTimer(MeterRegistry registry, String kind) {
        return Timer.builder("stagewire.crawler.page.load")
                .description("Page loads including retries and politeness delay")
                .tag("page", kind)
                .register(registry);
    }
}
