package io.stagewire.crawler.pipeline;

import java.net.URI;

import io.stagewire.events.work.PageEvidence;

/** One stored product screenshot, as screenshot:captured and the OcrRequest announce it. */
record Screenshot(int index, String screenshotId, String fileId, URI productUrl, String productName, int width,
        int height, PageEvidence evidence) {
}
