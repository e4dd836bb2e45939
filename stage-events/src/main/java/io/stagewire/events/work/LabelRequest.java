package io.stagewire.events.work;

import io.stagewire.events.Topics;
import java.math.BigDecimal;

/**
 * label.requests: match one OCR result against the price list and render its label. Sent by the
 * OCR worker per successful OCR, and by job-api per failed label on retry. The label worker
 * answers with exactly one {@code match:found} or {@code match:failed}, and after a match with
 * exactly one {@code label:generated} or {@code label:failed}.
 *
 * @param priceListId null when the job has no price list
 */
public record LabelRequest(String requestId, String jobId, String userId, String screenshotId, String templateId,
                           String priceListId, String articleNumber, String name, BigDecimal price, String currency,
                           String ean) implements WorkMessage {

    @Override
    public String topic() {
        return Topics.LABEL_REQUESTS;
    }

    @Override
    public String key() {
        return screenshotId;
    }
}
