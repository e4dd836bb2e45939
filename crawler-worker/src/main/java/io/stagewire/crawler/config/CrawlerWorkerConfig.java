package io.stagewire.crawler.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the crawler reads from configuration; see docs/crawler-worker.md for the keys. */
@ConfigMapping(prefix = "stagewire.crawler")
public interface CrawlerWorkerConfig {

    Browser browser();

    /** How long one navigation or screenshot may take before it counts as failed. */
    @WithDefault("15s")
    Duration pageTimeout();

    Retry retry();

    /** Pause between two page loads on the same host, across all jobs of this process. */
    @WithDefault("250ms")
    Duration politenessDelay();

    /** Listing pages walked per crawl at most, whatever the pagination says. */
    @WithDefault("50")
    int maxListingPages();

    Selectors selectors();

    Robots robots();

    /** Bounds on one product screenshot, so a hostile page cannot make one that no worker can hold. */
    Screenshot screenshot();

    interface Screenshot {
        /**
         * CSS pixels; a taller product area is captured from its top down to this height. 1280 x 7000 is 9 M pixels,
         * about what the OCR worker reads with its default 256 MB heap (docs/ocr-worker.md).
         */
        @WithDefault("7000")
        int maxHeight();

        /** CSS pixels; a wider product area is captured from its left edge. */
        @WithDefault("1920")
        int maxWidth();

        /** A larger PNG fails its product (and is never stored). */
        @WithDefault("10485760")
        int maxBytes();
    }

    /**
     * {@code host:port} pairs that may be fetched although they resolve to a non-public address
     * (the demo shop, test servers). IPv6 hosts in brackets: {@code [::1]:8070}.
     */
    Optional<List<String>> allowList();

    interface Browser {
        /**
         * Chromium binary; Playwright never downloads a browser here. Chromium's headless shell (Debian's
         * {@code chromium-headless-shell}, what Playwright itself runs headless by default): the full browser in its
         * headless mode carries the whole browser's UI layer and cost 60 % more CPU per product page.
         */
        @WithDefault("/usr/lib/chromium/chromium-headless-shell")
        Path executable();

        /** Node.js for the Playwright driver; a system Node starts the driver faster than the bundled one. */
        @WithDefault("/usr/bin/node")
        Path nodeExecutable();

        /** Browser contexts (so jobs) in use at the same time in this process. */
        @WithDefault("2")
        int contexts();

        @WithDefault("1280")
        int viewportWidth();

        @WithDefault("800")
        int viewportHeight();

        /**
         * Chromium's sandbox. Unset: on, except when the process runs as root, where Chromium refuses
         * to start with it.
         */
        Optional<Boolean> sandbox();

        @WithDefault("--disable-gpu,--disable-dev-shm-usage,--disable-background-networking,--disable-component-update,--no-first-run,--disable-sync")
        List<String> args();
    }

    /** Each shop's robots.txt (RFC 9309), read once per crawl before the first page. */
    interface Robots {
        /** Honour robots.txt: disallowed listing and product pages are not loaded. */
        @WithDefault("true")
        boolean respect();

        /**
         * {@code host:port} of shops whose robots.txt is not asked: sites the operator crawls as their own
         * (robots.txt often keeps all bots off a shop's own staging or product pages).
         */
        Optional<List<String>> ignoreFor();
    }

    interface Retry {
        /** Attempts after the first one for a page that times out, fails to connect or answers 5xx/429. */
        @WithDefault("2")
        int maxRetries();

        @WithDefault("500ms")
        Duration initialDelay();

        /** The delay is multiplied by this after every failed attempt. */
        @WithDefault("2")
        int factor();

        @WithDefault("8s")
        Duration maxDelay();
    }

    /**
     * Selectors tried in order when a job brings none; the first that matches anything wins. Defaults fit
     * the demo shop first, then common shop systems and schema.org markup.
     */
    interface Selectors {
        @WithDefault("a.product-link,a.woocommerce-LoopProduct-link,a.product-item-link,[itemtype*=Product] a[href],a[href*='/products/'],a[href*='/product/']")
        List<String> productLink();

        @WithDefault("a[rel=next],link[rel=next],a.next.page-numbers,a.action.next,a[aria-label='Next page']")
        List<String> nextPage();

        @WithDefault("[data-product],[itemtype*=Product],main,[role=main]")
        List<String> productArea();
    }
}
