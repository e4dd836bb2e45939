package io.stagewire.crawler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.crawler.testing.DemoShop;
import io.stagewire.crawler.testing.RecordingListener;
import io.stagewire.crawler.testing.TestSites;

/** The crawler with the real Chromium against the demo shop (deploy/demo-shop) on :8070. */
@QuarkusTest
@WithTestResource(TestSites.class)
class DemoShopCrawlTest {

    private static final URI SHOP = URI.create(TestSites.DEMO_SHOP + "/");
    private static final List<DemoShop.Product> PRODUCTS = DemoShop.products();

    @Inject
    ShopCrawler crawler;

    @Test
    void capturesTheFirstProductsInListingOrderWithTheirNames() throws IOException {
        RecordingListener listener = new RecordingListener();

        CrawlResult result = crawler.crawl(SHOP, CrawlOptions.maxProducts(5), () -> false, listener);

        assertThat(result.captured()).isEqualTo(5);
        assertThat(result.listingPages()).isEqualTo(1);
        assertThat(result.cancelled()).isFalse();
        assertThat(listener.capturedPaths())
                .containsExactlyElementsOf(PRODUCTS.subList(0, 5).stream().map(DemoShop.Product::path).toList());
        assertThat(listener.captured).extracting(CapturedProduct::name)
                .containsExactlyElementsOf(PRODUCTS.subList(0, 5).stream().map(DemoShop.Product::name).toList());
        assertThat(listener.captured).extracting(CapturedProduct::index).containsExactly(0, 1, 2, 3, 4);
        for (CapturedProduct product : listener.captured) {
            assertDecodesToItsSize(product);
            assertThat(product.scope()).isEqualTo(ScreenshotScope.PRODUCT_AREA);
        }
    }

    @Test
    void followsPaginationUntilMaxProducts() {
        RecordingListener listener = new RecordingListener();

        CrawlResult result = crawler.crawl(SHOP, CrawlOptions.maxProducts(14), () -> false, listener);

        assertThat(result.captured()).isEqualTo(14);
        assertThat(result.listingPages()).isEqualTo(2);
        assertThat(listener.capturedPaths())
                .containsExactlyElementsOf(PRODUCTS.subList(0, 14).stream().map(DemoShop.Product::path).toList());
    }

    @Test
    void crawlsTheWholeShopCapturingEveryProductExactlyOnce() throws IOException {
        RecordingListener listener = new RecordingListener();

        CrawlResult result = crawler.crawl(SHOP, CrawlOptions.maxProducts(1000), () -> false, listener);

        assertThat(result.captured()).isEqualTo(48);
        assertThat(result.failed()).isZero();
        assertThat(result.listingPages()).isEqualTo(4);
        assertThat(result.incomplete()).isEmpty();
        assertThat(listener.capturedPaths())
                .containsExactlyElementsOf(PRODUCTS.stream().map(DemoShop.Product::path).toList());
        assertThat(listener.captured).extracting(CapturedProduct::name)
                .containsExactlyElementsOf(PRODUCTS.stream().map(DemoShop.Product::name).toList());
        Path keep = Files.createDirectories(Path.of("target/demo-shop-screenshots"));
        for (CapturedProduct product : listener.captured) {
            assertDecodesToItsSize(product);
            assertThat(product.scope()).isEqualTo(ScreenshotScope.PRODUCT_AREA);
            // Every product area fits the 1280x800 viewport (docs/demo-shop.md).
            assertThat(product.width()).isLessThanOrEqualTo(1280);
            assertThat(product.height()).isLessThanOrEqualTo(800);
            String slug = product.productUrl().getPath().replaceAll("^/products/|/$", "");
            Files.write(keep.resolve("%02d-%s.png".formatted(product.index(), slug)), product.png());
        }
    }

    @Test
    void aCancelledCrawlStopsAtTheNextPage() {
        AtomicBoolean cancelled = new AtomicBoolean();
        RecordingListener listener = new RecordingListener() {
            @Override
            public void onCaptured(CapturedProduct product) {
                super.onCaptured(product);
                if (captured.size() == 3) {
                    cancelled.set(true);
                }
            }
        };

        CrawlResult result = crawler.crawl(SHOP, CrawlOptions.maxProducts(20), cancelled::get, listener);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.captured()).isEqualTo(3);
        assertThat(listener.captured).hasSize(3);
        assertThat(listener.failures).isEmpty();
    }

    @Test
    void aCrawlCancelledBeforeItStartsLoadsNothing() {
        RecordingListener listener = new RecordingListener();

        CrawlResult result = crawler.crawl(SHOP, CrawlOptions.maxProducts(5), () -> true, listener);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.listingPages()).isZero();
        assertThat(listener.captured).isEmpty();
    }

    @Test
    void screenshotsTheViewportWhenNoProductAreaMatches() throws IOException {
        RecordingListener listener = new RecordingListener();

        crawler.crawl(SHOP, new CrawlOptions(1, null, null, "#no-such-area"), () -> false, listener);

        CapturedProduct product = listener.captured.getFirst();
        assertThat(product.scope()).isEqualTo(ScreenshotScope.VIEWPORT);
        assertThat(product.width()).isEqualTo(1280);
        assertThat(product.height()).isEqualTo(800);
        assertThat(product.name()).isEqualTo(PRODUCTS.getFirst().name());
        assertDecodesToItsSize(product);
    }

    @Test
    void usesTheJobsOwnSelectors() {
        RecordingListener listener = new RecordingListener();

        // Only page 1 has a promo banner; its link goes to a product that is also listed.
        CrawlResult result = crawler.crawl(SHOP, new CrawlOptions(3, "a.promo-link", "a[rel=next]", "main"),
                () -> false, listener);

        assertThat(result.captured()).isEqualTo(1);
        assertThat(result.listingPages()).isEqualTo(4);
        assertThat(listener.capturedPaths()).containsExactly("/products/gartenstuhl-teak/");
        assertThat(listener.captured.getFirst().scope()).isEqualTo(ScreenshotScope.PRODUCT_AREA);
    }

    @Test
    void skipsProductsAPreviousRunAlreadyStored() {
        RecordingListener listener = new RecordingListener() {
            @Override
            public boolean alreadyCaptured(int index, URI productUrl) {
                return index == 1;
            }
        };

        CrawlResult result = crawler.crawl(SHOP, CrawlOptions.maxProducts(3), () -> false, listener);

        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.products()).isEqualTo(3);
        assertThat(listener.captured).extracting(CapturedProduct::index).containsExactly(0, 2);
    }

    @Test
    void failsTheCrawlOnAnInvalidSelector() {
        assertThatThrownBy(() -> crawler.crawl(SHOP, new CrawlOptions(3, "a[[[", null, null), () -> false,
                new RecordingListener()))
                .isInstanceOf(CrawlFailedException.class)
                .hasMessage("productLinkSelector 'a[[[' is not a valid selector");
    }

    @Test
    void refusesAShopUrlTheGuardRefuses() {
        assertThatThrownBy(() -> crawler.crawl(URI.create("http://127.0.0.1:9/"), CrawlOptions.maxProducts(1),
                () -> false, new RecordingListener()))
                .isInstanceOf(CrawlFailedException.class)
                .hasMessage("shop URL http://127.0.0.1:9/ refused: host 127.0.0.1 resolves to a loopback address");
        assertThatThrownBy(() -> crawler.crawl(URI.create("file:///etc/passwd"), CrawlOptions.maxProducts(1),
                () -> false, new RecordingListener()))
                .hasMessage("shop URL file:///etc/passwd refused: scheme file is not allowed (only http and https)");
    }

    @Test
    void runsMoreCrawlsThanContextsAtOnce() {
        List<CompletableFuture<RecordingListener>> crawls = List.of(0, 1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    RecordingListener listener = new RecordingListener();
                    crawler.crawl(SHOP, CrawlOptions.maxProducts(3), () -> false, listener);
                    return listener;
                }))
                .toList();

        for (CompletableFuture<RecordingListener> crawl : crawls) {
            assertThat(crawl.join().capturedPaths())
                    .containsExactlyElementsOf(PRODUCTS.subList(0, 3).stream().map(DemoShop.Product::path).toList());
        }
    }

    private static void assertDecodesToItsSize(CapturedProduct product) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(product.png()));
        assertThat(image).as("PNG of %s", product.productUrl()).isNotNull();
        assertThat(image.getWidth()).isEqualTo(product.width());
        assertThat(image.getHeight()).isEqualTo(product.height());
        assertThat(product.width()).isPositive();
        assertThat(product.height()).isPositive();
    }
}
