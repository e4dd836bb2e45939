package io.stagewire.crawler.service;

import com.microsoft.playwright.PlaywrightException;

/** Playwright's errors carry a call log after the first line; users get the first line. */
final class BrowserErrors {

    private BrowserErrors() {
    }

    static String summary(PlaywrightException e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? "unknown browser error"
                : message.lines().findFirst().orElse("").strip();
    }
}
