package io.stagewire.crawler.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.options.Cookie;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.crawler.testing.TestSites;

@QuarkusTest
@WithTestResource(TestSites.class)
class BrowserContextPoolTest {

    @Inject
    BrowserContextPool pool;

    @Inject
    ChromiumBrowser browser;

    @Test
    void handsOutAtMostTheConfiguredNumberOfContexts() throws Exception {
        BrowserTab first = pool.open();
        BrowserTab second = pool.open();
        CompletableFuture<BrowserTab> third = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.open();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        Thread.sleep(300);
        assertThat(third).isNotDone();

        first.close();
        BrowserTab granted = third.get(10, TimeUnit.SECONDS);
        second.close();
        granted.close();
    }

    @Test
    void givesEachTabItsOwnContext() throws Exception {
        try (BrowserTab one = pool.open(); BrowserTab other = pool.open()) {
            one.call(page -> {
                page.navigate(TestSites.DEMO_SHOP + "/");
                page.context().addCookies(List.of(new Cookie("job", "one")
                        .setUrl(TestSites.DEMO_SHOP)));
                return null;
            });

            List<Cookie> othersCookies = other.call(page -> page.context().cookies());
            List<Cookie> ownCookies = one.call(page -> page.context().cookies());
            assertThat(othersCookies).isEmpty();
            assertThat(ownCookies).hasSize(1);
        }
        assertThat(browser.isConnected()).isTrue();
    }
}
