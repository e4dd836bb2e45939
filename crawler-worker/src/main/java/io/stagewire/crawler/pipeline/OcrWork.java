package io.stagewire.crawler.pipeline;

import io.stagewire.events.work.OcrRequest;

/** Where a screenshot's OCR work goes (ocr.requests); the messaging layer implements it, so no cycle joins the two. */
public interface OcrWork {

    /** Blocks until the broker acknowledged. @throws io.stagewire.worker.messaging.EventSendException when it did not */
    void send(OcrRequest request);
}
