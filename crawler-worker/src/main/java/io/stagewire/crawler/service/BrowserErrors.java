package io.stagewire.crawler.service;

import com.microsoft.playwright.PlaywrightException;

/**
 * Playwright's errors carry a call log after the first line; users get the first line. An error the driver passed on
 * as an object ({@code Error {\n  message='...'\n  name=...}}) gets its message instead of {@code Error {}.
 */
final class BrowserErrors {

    private static final String SERIALIZED_MESSAGE = "message='";

    private BrowserErrors() {
    }

    static String summary(PlaywrightException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "unknown browser error";
        }
        String first = message.lines().findFirst().orElse("").strip();
        if (first.endsWith("{")) {
            return message.lines().map(String::strip).filter(line -> line.startsWith(SERIALIZED_MESSAGE)).findFirst()
                    .map(line -> line.substring(SERIALIZED_MESSAGE.length()).replaceFirst("'$", "").strip())
                    .filter(line -> !line.isEmpty())
                    .orElse(first);
        }
        return first;
    }
}
