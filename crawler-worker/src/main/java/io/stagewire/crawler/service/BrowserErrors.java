package io.stagewire.crawler.service;

import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Playwright's errors carry a call log after the first line; users get the first line. An error the driver passed on
 * as an object ({@code Error {\n  message='...'\n  name=...}}) gets its message instead of {@code Error {}.
 */
final class BrowserErrors {

    private static final Logger LOG = Logger.getLogger(BrowserErrors.class);
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

    /**
     * The call's result, the call made once more when Chromium failed it for a reason of its own (a screenshot far
     * beyond the viewport got no frame in time on a heavily loaded machine); a timeout has used its time already and
     * is not repeated. The second failure is the caller's.
     */
    static <T> T triedTwice(Supplier<T> call) {
        try {
            return call.get();
        } catch (TimeoutError e) {
            throw e;
        } catch (PlaywrightException e) {
            LOG.debugf("browser call failed, trying once more: %s", summary(e));
            return call.get();
        }
    }
}
