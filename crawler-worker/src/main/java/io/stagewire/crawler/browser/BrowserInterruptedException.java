package io.stagewire.crawler.browser;

/** The calling thread was interrupted while it waited for the browser. */
public class BrowserInterruptedException extends RuntimeException {

    public BrowserInterruptedException() {
        super("interrupted while waiting for the browser");
    }
}
