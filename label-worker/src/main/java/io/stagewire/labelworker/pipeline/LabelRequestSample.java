package io.stagewire.labelworker.pipeline;

import io.stagewire.events.work.LabelRequest;
import io.stagewire.worker.messaging.RequestPathSample;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;

/** A label request and its match:found, for the start's warm-up of the request path (RequestPathWarmUp). */
@ApplicationScoped
class LabelRequestSample implements RequestPathSample {

    @Override
    public Sample sample(String id) {
        BigDecimal price = new BigDecimal("9.99");
        LabelRequest request = new LabelRequest(id, id, "warm-up", id, null, null, "40817", "Wasserkocher", price, "EUR",
                null, null, null, null);
        return new Sample(request, new LabelEvents(request).takenAsRead("40817", price, "EUR"));
    }
}
