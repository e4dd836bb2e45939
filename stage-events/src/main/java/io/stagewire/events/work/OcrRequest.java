package io.stagewire.events.work;

import io.stagewire.events.Topics;

/**
 * ocr.requests: read article number, name and price from one screenshot (a row of the
 * {@code files} table). Sent by the crawler per captured product, by job-api per uploaded image
 * of an extraction and per failed item on retry.
 *
 * @param templateId  passed on to the label request; null for an extraction
 * @param priceListId passed on to the label request; null when the job has none
 * @param ocrOnly     true for an extraction: report {@code ocr:*} events but send no label request
 * @param evidence    what the product page states (crawler only); null for uploaded images and retries
 */
public record OcrRequest(String requestId, String jobId, String userId, String screenshotId, String fileId,
                         String templateId, String priceListId, boolean ocrOnly, PageEvidence evidence)
        implements WorkMessage {

    /** Without page evidence: an uploaded image, a retry. */
    public OcrRequest(String requestId, String jobId, String userId, String screenshotId, String fileId,
                      String templateId, String priceListId, boolean ocrOnly) {
        this(requestId, jobId, userId, screenshotId, fileId, templateId, priceListId, ocrOnly, null);
    }

    @Override
    public String topic() {
        return Topics.OCR_REQUESTS;
    }

    @Override
    public String key() {
        return screenshotId;
    }
}
