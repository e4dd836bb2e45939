package io.stagewire.crawler.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.crawler.browser.BlockedRequest;
import io.stagewire.crawler.testing.Hits;
import io.stagewire.crawler.testing.RecordingListener;
import io.stagewire.crawler.testing.TestSites;
import io.stagewire.events.work.PageEvidence;

/**
 * The crawler against misbehaving pages: internal addresses in subresources and redirects, server errors,
 * a server that never answers, pagination loops. See {@link io.stagewire.crawler.testing.FixtureSites}.
 */
@QuarkusTest
@WithTestResource(TestSites.class)
class FixtureShopCrawlTest {

    @Inject
    ShopCrawler crawler;

    private final String shop = TestSites.fixtureShop();
    private final String internal = TestSites.internalSite();

    @Tag("attack")
    @Test
    void blocksSubresourcesAndRedirectsToInternalAddresses() {
        RecordingListener listener = crawl("/list/guarded/");

        assertThat(listener.capturedPaths()).containsExactly("/p/subresources/", "/p/ok/");
        assertThat(listener.failures).singleElement().satisfies(failure -> {
            assertThat(failure.productUrl().getPath()).isEqualTo("/p/redirect-out/");
            assertThat(failure.reason()).isEqualTo("redirect to " + internal
                    + "/secret refused: host 127.0.0.3 resolves to a loopback address");
        });
        assertThat(listener.blocked).contains(
                new BlockedRequest("http://169.254.169.254/latest/meta-data/",
                        "host 169.254.169.254 resolves to a link-local address"),
                new BlockedRequest(internal + "/pixel.png", "host 127.0.0.3 resolves to a loopback address"),
                new BlockedRequest(internal + "/frame", "host 127.0.0.3 resolves to a loopback address"));
        // Neither the page's own requests nor the redirect hops (image and navigation) got through.
        assertThat(Hits.onInternalSite(shop)).isZero();
        assertThat(Hits.onFixtureShop(shop, "/redirect-img")).isEqualTo(1);
    }

    @Test
    void retriesServerErrorsWithBackoffButNotClientErrors() {
        RecordingListener listener = crawl("/list/retries/");

        assertThat(listener.capturedPaths()).containsExactly("/p/flaky/");
        assertThat(listener.failures).extracting(failure -> failure.productUrl().getPath() + " " + failure.reason())
                .containsExactly("/p/broken/ HTTP 500", "/p/not-found/ HTTP 404");
        assertThat(Hits.onFixtureShop(shop, "/p/flaky/")).isEqualTo(3);
        assertThat(Hits.onFixtureShop(shop, "/p/broken/")).isEqualTo(3);
        assertThat(Hits.onFixtureShop(shop, "/p/not-found/")).isEqualTo(1);
    }

    @Test
    void givesUpOnAPageThatNeverAnswersAndGoesOn() {
        long started = System.nanoTime();

        RecordingListener listener = crawl("/list/hang/");

        assertThat(listener.failures).singleElement().satisfies(failure -> {
            assertThat(failure.productUrl().getPath()).isEqualTo("/p/hang/");
            assertThat(failure.reason()).isEqualTo("no answer within 3 s");
        });
        assertThat(listener.capturedPaths()).containsExactly("/p/ok/");
        assertThat(Hits.onFixtureShop(shop, "/p/hang/")).isEqualTo(3);
        // Three attempts of 3 s each, not more.
        assertThat((System.nanoTime() - started) / 1_000_000_000.0).isBetween(9.0, 20.0);
    }

    @Test
    void walksPaginationWithoutLoopsDuplicatesOrOtherOrigins() {
        RecordingListener listener = new RecordingListener();

        CrawlResult result = crawler.crawl(URI.create(shop + "/list/loop/"), CrawlOptions.maxProducts(50),
                () -> false, listener);

        assertThat(listener.capturedPaths()).containsExactly("/p/ok/", "/p/second/", "/p/third/");
        assertThat(result.listingPages()).isEqualTo(2);
        assertThat(result.incomplete()).isEmpty();
        assertThat(Hits.onInternalSite(shop)).isZero();
    }

    @Test
    void failsTheCrawlWhenTheShopPageKeepsFailing() {
        assertThatThrownBy(() -> crawl("/list/always-500/"))
                .isInstanceOf(CrawlFailedException.class)
                .hasMessage("shop page " + shop + "/list/always-500/ could not be loaded: HTTP 500");
        assertThat(Hits.onFixtureShop(shop, "/list/always-500/")).isEqualTo(3);
    }

    @Tag("attack")
    @Test
    void boundsWhatAProductPageCanMakeTheWorkerHold() {
        RecordingListener listener = crawl("/list/tall/");

        assertThat(listener.captured).as("failures: %s", listener.failures).hasSize(2);
        // A product area far larger than the limits: only its top left is captured.
        assertThat(listener.captured.get(0)).satisfies(product -> {
            assertThat(product.scope()).isEqualTo(ScreenshotScope.PRODUCT_AREA);
            assertThat(product.width()).isEqualTo(1920);
            assertThat(product.height()).isEqualTo(7000);
            assertThat(product.name()).isEqualTo("Tall product");
        });
        // A 2 MB heading: 1000 characters of it leave the page.
        assertThat(listener.captured.get(1).name()).hasSize(1000).startsWith("Name Name");
    }

    @Test
    void findsProductsWithoutSelectorsByThePageStructureAndPagesOnByItsPager() {
        RecordingListener listener = new RecordingListener();

        CrawlResult result = crawler.crawl(URI.create(shop + "/other/"), CrawlOptions.maxProducts(50), () -> false,
                listener);

        // The priced article cards, not the larger group of category links, the navigation or the footer.
        assertThat(listener.capturedPaths()).containsExactly("/artikel/alpha-1", "/artikel/beta-2",
                "/artikel/gamma-3", "/artikel/delta-4", "/artikel/epsilon-5");
        assertThat(result.listingPages()).isEqualTo(2);
        assertThat(result.discovery()).contains(DiscoveryMethod.STRUCTURE);
        assertThat(Hits.onFixtureShop(shop, "/kategorie/a/")).isZero();
        // What each page states beside its screenshot (issue 15, item 2).
        assertThat(listener.captured).extracting(CapturedProduct::evidence).containsExactly(
                new PageEvidence("json-ld", "Alpha", "12.99", "EUR", "ART-10001", "4006381333931"),
                new PageEvidence("microdata", "Beta", "7.49", "EUR", "ART-10002", null),
                new PageEvidence("meta", "Gamma", "5.00", "EUR", null, null),
                null, null);
    }

    @Test
    void findsTheProductsOfAShopGivenByItsRootInItsSitemaps() {
        RecordingListener listener = new RecordingListener();
        int firstProductLoads = Hits.onFixtureShop(shop, "/artikel/alpha-1");

        CrawlResult result = crawler.crawl(URI.create(shop + "/"), CrawlOptions.maxProducts(50), () -> false,
                listener);

        // The product sitemap's group, not the larger group of pages without a price.
        assertThat(listener.capturedPaths()).containsExactly("/artikel/alpha-1", "/artikel/beta-2",
                "/artikel/gamma-3", "/artikel/delta-4", "/artikel/epsilon-5");
        assertThat(result.discovery()).contains(DiscoveryMethod.SITEMAP);
        assertThat(Hits.onFixtureShop(shop, "/kontakt/")).isZero();
        // Opened once: to see that the group's pages show a price, and then captured from where the tab stands.
        assertThat(Hits.onFixtureShop(shop, "/artikel/alpha-1") - firstProductLoads).isEqualTo(1);
        assertThat(listener.captured.getFirst().evidence()).isNotNull();
    }

    @Test
    void findsProductsWithoutSelectorsInSchemaOrgJsonLd() {
        RecordingListener listener = new RecordingListener();

        CrawlResult result = crawler.crawl(URI.create(shop + "/jsonld/"), CrawlOptions.maxProducts(50), () -> false,
                listener);

        assertThat(listener.capturedPaths()).containsExactly("/artikel/alpha-1", "/artikel/beta-2");
        assertThat(result.discovery()).contains(DiscoveryMethod.SCHEMA_ORG);
    }

    @Test
    void scrollsAListingThatLoadsMoreProductsAsItIsScrolledOrAButtonIsPressed() {
        for (String listing : new String[]{"/scroll/", "/load-more/"}) {
            RecordingListener listener = new RecordingListener();

            CrawlResult result = crawler.crawl(URI.create(shop + listing), CrawlOptions.maxProducts(50), () -> false,
                    listener);

            assertThat(listener.capturedPaths()).as(listing).containsExactly("/artikel/alpha-1", "/artikel/beta-2",
                    "/artikel/gamma-3", "/artikel/delta-4", "/artikel/epsilon-5");
            assertThat(result.listingPages()).isEqualTo(1);
            assertThat(result.discovery()).contains(DiscoveryMethod.STRUCTURE);
        }
    }

    @Test
    void capturesAProductWithoutTheCookieBannerOrStickyBarOverItAndWithItsLazyPicture() throws Exception {
        RecordingListener listener = crawl("/list/covered/");

        assertThat(listener.capturedPaths()).containsExactly("/p/covered/");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(listener.captured.get(0).png()));
        assertThat(pixels(png, 0xff00ff)).as("magenta pixels of the banner and the sticky bar").isZero();
        assertThat(pixels(png, 0x00ff00)).as("green pixels of the lazy picture").isGreaterThan(5000);
        assertThat(Hits.onFixtureShop(shop, "/img/green.svg")).isPositive();
    }

    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void honoursTheShopsRobotsTxt() {
        RecordingListener listener = crawl("/list/robots/");

        assertThat(listener.capturedPaths()).containsExactly("/p/ok/");
        assertThat(listener.failures).singleElement().satisfies(failure -> {
            assertThat(failure.productUrl().getPath()).isEqualTo("/private/p/");
            assertThat(failure.reason()).isEqualTo("disallowed by the shop's robots.txt");
        });
        assertThat(Hits.onFixtureShop(shop, "/private/p/")).isZero();
        assertThat(Hits.onFixtureShop(shop, "/robots.txt")).isPositive();

        assertThatThrownBy(() -> crawl("/list/closed/"))
                .isInstanceOf(CrawlFailedException.class)
                .hasMessage("the shop's robots.txt disallows crawling " + shop + "/list/closed/");
        assertThat(Hits.onFixtureShop(shop, "/list/closed/")).isZero();
    }

    @Test
    void aSelectorOfTheJobIsAnOverrideNotAHint() {
        CrawlOptions options = new CrawlOptions(10, "a.no-such-class", null, null);

        assertThatThrownBy(() -> crawler.crawl(URI.create(shop + "/other/"), options, () -> false,
                new RecordingListener()))
                .isInstanceOf(CrawlFailedException.class)
                .hasMessage("no product links found on " + shop + "/other/ (selectors tried: a.no-such-class)");
    }

    @Test
    void failsTheCrawlWhenNoProductLinksAreFound() {
        assertThatThrownBy(() -> crawl("/list/none/"))
                .isInstanceOf(CrawlFailedException.class)
                .hasMessageStartingWith("no product links found on " + shop + "/list/none/ (selectors tried: a.product-link | ")
                .hasMessageEndingWith("; no schema.org Product markup and no group of similar links with prices)");
    }

    private RecordingListener crawl(String path) {
        RecordingListener listener = new RecordingListener();
        crawler.crawl(URI.create(shop + path), CrawlOptions.maxProducts(10), () -> false, listener);
        return listener;
    }
}
