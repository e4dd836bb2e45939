package io.stagewire.crawler.service;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BrowserErrorsTest {

    @Test
    void givesTheFirstLineOfAMessageWithACallLog() {
        assertThat(BrowserErrors.summary(new PlaywrightException("net::ERR_CONNECTION_REFUSED at http://shop/\nCall log:\n  - navigating")))
                .isEqualTo("net::ERR_CONNECTION_REFUSED at http://shop/");
    }

    /** The form Playwright Java gives an error the driver sent as an object: its first line alone said nothing. */
    @Test
    void givesTheMessageOfAnErrorThePlaywrightDriverSentAsAnObject() {
        String serialized = "Error {\n  message='Protocol error (Page.captureScreenshot): Unable to capture screenshot'\n"
                + "  name='Error'\n  stack='Error: Protocol error\n    at CRSession.send'\n}";

        assertThat(BrowserErrors.summary(new PlaywrightException(serialized)))
                .isEqualTo("Protocol error (Page.captureScreenshot): Unable to capture screenshot");
        assertThat(BrowserErrors.summary(new PlaywrightException("Error {\n  name='Error'\n}"))).isEqualTo("Error {");
        assertThat(BrowserErrors.summary(new PlaywrightException(" "))).isEqualTo("unknown browser error");
    }

    @Test
    void triesACallChromiumFailedOnceMore() {
        Calls calls = new Calls(new PlaywrightException("Error {\n  message='Unable to capture screenshot'\n}"), "png");

        assertThat(BrowserErrors.triedTwice(calls)).isEqualTo("png");
        assertThat(calls.made.get()).isEqualTo(2);
    }

    @Test
    void givesTheSecondFailureToTheCaller() {
        PlaywrightException second = new PlaywrightException("Target page, context or browser has been closed");
        Calls calls = new Calls(new PlaywrightException("Unable to capture screenshot"), second);

        assertThatThrownBy(() -> BrowserErrors.triedTwice(calls)).isSameAs(second);
        assertThat(calls.made.get()).isEqualTo(2);
    }

    /** A timeout has used the call's time already: once more would double it. */
    @Test
    void doesNotRepeatACallThatTimedOut() {
        TimeoutError timeout = new TimeoutError("Timeout 10000ms exceeded");
        Calls calls = new Calls(timeout, "png");

        assertThatThrownBy(() -> BrowserErrors.triedTwice(calls)).isSameAs(timeout);
        assertThat(calls.made.get()).isEqualTo(1);
    }

    /** Each call gives the next outcome: a value, or an exception thrown. */
    private static final class Calls implements Supplier<String> {
        final AtomicInteger made = new AtomicInteger();
        private final Deque<Object> outcomes;

        Calls(Object... outcomes) {
            this.outcomes = new ArrayDeque<>(List.of(outcomes));
        }

        @Override
        public String get() {
            made.incrementAndGet();
            Object next = outcomes.removeFirst();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (String) next;
        }
    }
}
