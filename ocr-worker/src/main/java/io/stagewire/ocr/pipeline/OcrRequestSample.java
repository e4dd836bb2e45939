package io.stagewire.ocr.pipeline;

import io.stagewire.events.work.OcrRequest;
import io.stagewire.worker.messaging.RequestPathSample;
import jakarta.enterprise.context.ApplicationScoped;

/** An OCR request and its ocr:started, for the start's warm-up of the request path (RequestPathWarmUp). */
@ApplicationScoped
class OcrRequestSample implements RequestPathSample {

    @Override
    public Sample sample(String id) {
        OcrRequest request = new OcrRequest(id, id, "warm-up", id, id, null, null, false);
        return new Sample(request, new OcrEvents(request, new OcrIds(request.requestId())).started());
    }
}
