package io.stagewire.crawler.service;

import io.quarkus.runtime.StartupEvent;
import io.stagewire.crawler.browser.BrowserContextPool;
import io.stagewire.crawler.browser.BrowserTab;
import io.stagewire.crawler.config.CrawlerWorkerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Renders and captures a product page written in memory before the worker takes its first job, the way
 * a crawl captures one (fresh context, page evidence, product-area screenshot): the first job after a
 * start otherwise paid Chromium's first renderer and a cold JIT on its own pages (its crawl took 19 s
 * against 14 s warm, docs/benchmarks.md). No network: the page is set, not loaded.
 */
@ApplicationScoped
class CrawlerWarmUp {
    private static final Logger LOG = Logger.getLogger(CrawlerWarmUp.class);
    static final int ROUNDS = 3;
    static final String PAGE = """
            <!doctype html><html lang="de"><head><meta charset="utf-8"><title>Wasserkocher</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Wasserkocher",
            "sku":"40817","offers":{"@type":"Offer","price":"9.99","priceCurrency":"EUR"}}</script>
            <style>body{margin:0;font-family:sans-serif}main{width:640px;padding:24px}
            .price{display:inline-block;background:#ffd400;font:bold 48px sans-serif;padding:8px}s{color:#777}</style></head>
            <body><main data-product><h1>Wasserkocher Edelstahl 1,7 l</h1><p>Art.-Nr. 40817</p>
            <svg width="320" height="160"><rect width="320" height="160" fill="#3a7bd5"/><circle cx="160" cy="80" r="50" fill="#fff"/></svg>
            <p><s>statt 12,49 €</s></p><p class="price">9,99 €</p></main></body></html>
            """;

    private final BrowserContextPool contexts;
    private final CrawlerWorkerConfig config;

    CrawlerWarmUp(BrowserContextPool contexts, CrawlerWorkerConfig config) {
        this.contexts = contexts;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        long start = System.nanoTime();
        try {
            ProductScreenshot last = warmUp();
            LOG.infof("warmed up: %d product pages rendered and captured (%s, %d bytes) in %d ms", ROUNDS,
                    last.scope(), last.png().length, (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Not fatal: readiness follows the browser, and the first crawl pays for what was not warmed.
            LOG.warnf("warm-up failed, the first crawl will be slower: %s", e.getMessage());
        }
    }

    /** Captures the page {@link #ROUNDS} times as a crawl would; the last screenshot. */
    ProductScreenshot warmUp() throws InterruptedException {
        try (BrowserTab tab = contexts.open()) {
            ProductScreenshot screenshot = null;
            for (int i = 0; i < ROUNDS; i++) {
                tab.run(page -> page.setContent(PAGE));
                if (tab.call(PageEvidenceReader::read).isEmpty()) {
                    throw new IllegalStateException("the warm-up page's JSON-LD was not read");
                }
                screenshot = tab.call(page -> ProductScreenshot.take(page, config.selectors().productArea(),
                        config.screenshot().maxWidth(), config.screenshot().maxHeight()));
            }
            return screenshot;
        }
    }
}
