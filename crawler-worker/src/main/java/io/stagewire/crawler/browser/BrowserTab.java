package io.stagewire.crawler.browser;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

/**
 * One crawl's own browser context with one page, leased from the {@link BrowserContextPool}. Used by one crawl
 * thread; every page action runs on the Playwright thread through {@link #call}.
 */
public final class BrowserTab implements AutoCloseable {

    private final ChromiumBrowser browser;
    private final BrowserContext context;
    private final BlockedRequests blocked;
    private final Runnable release;

    // Touched only on the Playwright thread.
    private Page page;
    private String lastNavigationUrl;

    private boolean closed;

    BrowserTab(ChromiumBrowser browser, BrowserContext context, BlockedRequests blocked, Runnable release) {
        this.browser = browser;
        this.context = context;
        this.blocked = blocked;
        this.release = release;
    }

    /** Runs the action against this tab's page on the Playwright thread. */
    public <T> T call(Function<Page, T> action) {
        return browser.call(() -> action.apply(page()));
    }

    public void run(Consumer<Page> action) {
        browser.run(() -> action.accept(page()));
    }

    /** The URL of the last main-frame request, the end of a redirect chain; for explaining a failed load. */
    public String lastNavigationUrl() {
        return browser.call(() -> lastNavigationUrl);
    }

    /** False once Chromium is gone; nothing in this tab can work any more. */
    public boolean isBrowserConnected() {
        return browser.isConnected();
    }

    /** Drops the page (after a crash or a hung load); the next call opens a fresh one in the same context. */
    public void discardPage() {
        browser.run(() -> {
            if (page != null) {
                try {
                    page.close();
                } catch (PlaywrightException ignored) {
                    // a crashed page may refuse to close; the context takes it down later
                }
                page = null;
            }
        });
    }

    /** Requests the egress proxy refused for this tab's context since the last drain. */
    public List<BlockedRequest> drainBlockedRequests() {
        return blocked.drain();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            browser.run(context::close);
        } catch (PlaywrightException ignored) {
            // The browser died under us; its contexts are gone with it.
        } finally {
            release.run();
        }
    }

    private Page page() {
        if (page == null || page.isClosed()) {
            Page opened = context.newPage();
            opened.onRequest(request -> {
                if (request.isNavigationRequest() && request.frame() == opened.mainFrame()) {
                    lastNavigationUrl = request.url();
                }
            });
            page = opened;
        }
        return page;
    }
}
