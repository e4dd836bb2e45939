package io.stagewire.crawler.service;

import java.net.URI;

/** A page that did not load; retryable ones (timeouts, connection errors, 5xx, 429) are tried again. */
class PageLoadException extends RuntimeException {

    private final URI url;
    private final boolean retryable;

    private PageLoadException(URI url, String reason, boolean retryable) {
        super(reason);
        this.url = url;
        this.retryable = retryable;
    }

    static PageLoadException retryable(URI url, String reason) {
        return new PageLoadException(url, reason, true);
    }

    static PageLoadException permanent(URI url, String reason) {
        return new PageLoadException(url, reason, false);
    }

    URI url() {
        return url;
    }

    String reason() {
        return getMessage();
    }

    boolean retryable() {
        return retryable;
    }
}
