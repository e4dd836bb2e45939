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
 * @param previousPrice the struck-through or "statt/UVP" price the shop shows beside {@code price}; null when none
 *        was read. Printed struck through on a label whose price is the shop's (no price list); a price list's
 *        price has no previous price. A sender of an older version omits it.
 * @param pricePrefix the word the shop writes before {@code price} when it is a from-price ("ab", "from"), as
 *        written; null for a plain price. Printed before the shop's price; a price list's price has none.
 * @param correction what the job's owner set in review (sent by job-api only); null for a request from OCR. The
 *        other fields stay the OCR reading.
 */
public record LabelRequest(String requestId, String jobId, String userId, String screenshotId, String templateId,
                           String priceListId, String articleNumber, String name, BigDecimal price, String currency,
                           String ean, BigDecimal previousPrice, String pricePrefix, Correction correction)
        implements WorkMessage {

    /** A request from OCR: no correction. */
    public LabelRequest(String requestId, String jobId, String userId, String screenshotId, String templateId,
                        String priceListId, String articleNumber, String name, BigDecimal price, String currency,
                        String ean, BigDecimal previousPrice, String pricePrefix) {
        this(requestId, jobId, userId, screenshotId, templateId, priceListId, articleNumber, name, price, currency, ean,
                previousPrice, pricePrefix, null);
    }

    /** A request without a price prefix. */
    public LabelRequest(String requestId, String jobId, String userId, String screenshotId, String templateId,
                        String priceListId, String articleNumber, String name, BigDecimal price, String currency,
                        String ean, BigDecimal previousPrice) {
        this(requestId, jobId, userId, screenshotId, templateId, priceListId, articleNumber, name, price, currency, ean,
                previousPrice, null, null);
    }

    /** A request without a previous price. */
    public LabelRequest(String requestId, String jobId, String userId, String screenshotId, String templateId,
                        String priceListId, String articleNumber, String name, BigDecimal price, String currency,
                        String ean) {
        this(requestId, jobId, userId, screenshotId, templateId, priceListId, articleNumber, name, price, currency, ean,
                null, null, null);
    }

    @Override
    public String topic() {
        return Topics.LABEL_REQUESTS;
    }

    @Override
    public String key() {
        return screenshotId;
    }
}
