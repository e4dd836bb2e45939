package io.stagewire.ocr.pipeline;

import io.stagewire.events.work.LabelRequest;

/** Where a reading's label work goes (label.requests); the messaging layer implements it, so no cycle joins the two. */
public interface LabelWork {

    /** Blocks until the broker acknowledged. @throws io.stagewire.worker.messaging.EventSendException when it did not */
    void send(LabelRequest request);
}
