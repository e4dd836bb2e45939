package io.stagewire.crawler.service;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;

import io.smallrye.faulttolerance.api.Guard;
import io.stagewire.crawler.config.CrawlerWorkerConfig;
import io.stagewire.crawler.browser.BrowserTab;
import io.stagewire.crawler.security.EgressProxy;
import io.stagewire.crawler.security.GuardVerdict;
import io.stagewire.crawler.security.UrlGuard;

/**
 * Loads one page into a tab: cancellation check, politeness delay, navigation with the page timeout, and retries
 * with exponential backoff (SmallRye Fault Tolerance) for what may pass: timeouts, connection errors, crashed
 * pages, HTTP 5xx, 408 and 429. A 4xx or a refused URL fails at once.
 */
@ApplicationScoped
class PageLoader {

    // Chromium errors no retry can fix.
    private static final Set<String> PERMANENT_NET_ERRORS = Set.of(
            "net::ERR_ABORTED", "net::ERR_INVALID_URL", "net::ERR_UNSAFE_PORT", "net::ERR_UNKNOWN_URL_SCHEME");

    private final Guard retry;
    private final PolitenessDelay politeness;
    private final UrlGuard guard;
    private final long timeoutSeconds;

    PageLoader(CrawlerWorkerConfig config, PolitenessDelay politeness, UrlGuard guard) {
        this.politeness = politeness;
        this.guard = guard;
        this.timeoutSeconds = config.pageTimeout().toSeconds();
        CrawlerWorkerConfig.Retry policy = config.retry();
        long initialDelay = policy.initialDelay().toMillis();
        // SmallRye's default cap (3 min) would cut a slow retry sequence short; this one never binds first.
        long longestSequence = (policy.maxRetries() + 1L)
                * (config.pageTimeout().toMillis() + config.politenessDelay().toMillis() + policy.maxDelay().toMillis());
        this.retry = Guard.create()
                .withDescription("page load")
                .withRetry()
                .maxRetries(policy.maxRetries())
                .delay(initialDelay, ChronoUnit.MILLIS)
                // A little jitter so replicas retrying the same shop do not march in step.
                .jitter(initialDelay / 5, ChronoUnit.MILLIS)
                .maxDuration(longestSequence + 60_000, ChronoUnit.MILLIS)
                .whenException(failure -> failure instanceof PageLoadException load && load.retryable())
                .withExponentialBackoff()
                .factor(policy.factor())
                .maxDelay(policy.maxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }

    /**
     * Loads the URL into the tab's page and returns where the page ended up after redirects.
     *
     * @throws PageLoadException when the page failed after all retries
     * @throws CrawlCancelledException when the cancellation check said stop before an attempt
     */
    URI load(BrowserTab tab, URI url, BooleanSupplier cancelled) {
        try {
            return retry.call(() -> attempt(tab, url, cancelled), URI.class);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI attempt(BrowserTab tab, URI url, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CrawlCancelledException();
        }
        politeness.awaitTurn(url.getHost());
        try {
            return tab.call(page -> navigate(page, url));
        } catch (TimeoutError e) {
            // The page may still be loading; the retry starts on a fresh one.
            tab.discardPage();
            throw PageLoadException.retryable(url, "no answer within " + timeoutSeconds + " s");
        } catch (PlaywrightException e) {
            if (!tab.isBrowserConnected()) {
                throw new CrawlFailedException("Chromium stopped during the crawl", e);
            }
            String lastHop = tab.lastNavigationUrl();
            if (lastHop != null && !lastHop.equals(url.toString())) {
                GuardVerdict verdict = guard.check(lastHop);
                if (!verdict.isAllowed()) {
                    throw PageLoadException.permanent(url, "redirect to " + lastHop + " refused: " + verdict.refusal());
                }
            }
            String message = BrowserErrors.summary(e);
            if (PERMANENT_NET_ERRORS.stream().anyMatch(message::contains)) {
                throw PageLoadException.permanent(url, message);
            }
            tab.discardPage();
            throw PageLoadException.retryable(url, message);
        }
    }

    private static URI navigate(Page page, URI url) {
        Response response = page.navigate(url.toString());
        if (response != null) {
            String refusal = response.headerValue(EgressProxy.REFUSAL_HEADER);
            if (refusal != null) {
                String reason = response.url().equals(url.toString())
                        ? refusal
                        : "redirect to " + response.url() + " refused: " + refusal;
                throw PageLoadException.permanent(url, reason);
            }
            int status = response.status();
            if (status >= 500 || status == 408 || status == 429) {
                throw PageLoadException.retryable(url, "HTTP " + status);
            }
            if (status >= 400) {
                throw PageLoadException.permanent(url, "HTTP " + status);
            }
        }
        return URI.create(page.url());
    }
}
