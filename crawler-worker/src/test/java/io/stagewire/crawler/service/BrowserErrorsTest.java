package io.stagewire.crawler.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.PlaywrightException;
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
}
