package io.stagewire.ocr.pipeline;

import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.worker.messaging.EventSendException;
import io.stagewire.data.StorageUnavailableException;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.ocr.engine.OcrFailedException;
import io.stagewire.worker.messaging.StageEventSender;
import io.stagewire.worker.service.ForeignWorkRequestException;
import io.stagewire.worker.service.JobOwnership;
import io.stagewire.data.StorageException;
import io.stagewire.worker.service.JobOwnership.OwnedJob;
import io.stagewire.ocr.service.OcrResult;
import io.stagewire.ocr.service.OcrService;
import io.stagewire.ocr.service.PageEvidenceCheck;
import io.stagewire.ocr.service.ProductFields;

/**
 * Answers one OcrRequest (docs/work-messages.md), only for the owner of its job (a request whose userId is not
 * the job's owner, or for no job of job-api's, is refused and dead-lettered with nothing sent): ocr:started, then ocr:completed with the fields read or ocr:failed
 * with the reason the screenshot could not be read; after ocr:completed, unless the request is ocrOnly, one
 * LabelRequest. A cancelled job gets nothing (job-api already sent job:cancelled, its last event).
 *
 * <p>Redelivery: reading the same image gives the same fields, and every id derives from the requestId (OcrIds), so
 * doing a request again sends events and a LabelRequest that job-api and the label worker already have. That is
 * also what makes a worker stopped between two sends lose nothing: the redelivered request finishes the item.
 */
@ApplicationScoped
public class OcrRequestProcessor {

    private static final Logger LOG = Logger.getLogger(OcrRequestProcessor.class);

    private final JobOwnership jobs;
    private final ScreenshotReader files;
    private final OcrService ocr;
    private final StageEventSender eventSender;
    private final LabelWork labelSender;

    OcrRequestProcessor(JobOwnership jobs, ScreenshotReader files, OcrService ocr,
            StageEventSender eventSender, LabelWork labelSender) {
        this.jobs = jobs;
        this.files = files;
        this.ocr = ocr;
        this.eventSender = eventSender;
        this.labelSender = labelSender;
    }

    /**
     * Anything the OCR itself throws is the item's end: ocr:failed with the reason (unreadable, over the pixel limit
     * or the memory budget, out of memory, an engine fault). Postgres unreachable or Kafka not taking records repeat
     * the whole request, which is safe (see above); any other failure, or one still there after that, and the
     * consumer ends the item with ocr:failed ({@link #giveUp}) and dead-letters the request.
     */
    // About two minutes of waiting (250 ms doubling to 5 s, 30 times): a Postgres restart or fail-over, a broker
    // restart (docs/reliability.md). Not the request's length: a long crawl may fail late and still be retried.
    @Retry(retryOn = {StorageUnavailableException.class, EventSendException.class}, maxRetries = 30, delay = 250, jitter = 100,
            maxDuration = 0)
    @ExponentialBackoff(maxDelay = 5_000)
    public void process(OcrRequest request) {
        OwnedJob job = jobs.require(request.jobId(), request.userId());
        if (job.cancelled()) {
            LOG.debugf("job %s is cancelled; OCR request %s dropped", request.jobId(), request.requestId());
            return;
        }
        OcrIds ids = new OcrIds(request.requestId());
        OcrEvents events = new OcrEvents(request, ids);
        eventSender.send(events.started());
        OcrResult result;
        try {
            result = ocr.read(files.read(request.fileId(), job.ownerId()));
        } catch (RejectedExecutionException | CancellationException e) {
            // The engines are shutting down: not the item's fault; the request is redelivered to another instance.
            throw e;
        } catch (OcrFailedException e) {
            LOG.infof("job %s: screenshot %s not read: %s", request.jobId(), request.screenshotId(), e.getMessage());
            eventSender.send(events.failed(e.getMessage()));
            return;
        } catch (StorageException e) {
            throw e;
        } catch (RuntimeException e) {
            // An engine fault on this image (Tesseract, JNA): repeating the same image would fail the same way.
            LOG.warnf(e, "job %s: the OCR engine failed on screenshot %s", request.jobId(), request.screenshotId());
            eventSender.send(events.failed("the OCR engine failed on this screenshot: " + e));
            return;
        }
        PageEvidenceCheck.Checked checked = PageEvidenceCheck.check(result.fields(), request.evidence());
        eventSender.send(events.completed(result, checked));
        if (!request.ocrOnly()) {
            labelSender.send(labelRequest(request, ids, checked.fields()));
        }
    }

    /**
     * Ends the item with ocr:failed after {@link #process} kept failing (Postgres or Kafka away through every retry),
     * so that the job does not wait for it forever; the record also goes to the dead-letter topic. Best effort: when
     * Kafka itself is away, this send fails too and the dead letter is all that is left.
     */
    public void giveUp(OcrRequest request, Exception cause) {
        try {
            eventSender.send(new OcrEvents(request, new OcrIds(request.requestId()))
                    .failed("the OCR worker could not process this screenshot: " + cause.getMessage()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %s: cannot report screenshot %s as failed", request.jobId(), request.screenshotId());
        }
    }

    private static LabelRequest labelRequest(OcrRequest request, OcrIds ids, ProductFields fields) {
        return new LabelRequest(ids.labelRequest(), request.jobId(), request.userId(), request.screenshotId(),
                request.templateId(), request.priceListId(), fields.articleNumber(), fields.name(), fields.price(),
                fields.currency(), fields.ean(), fields.previousPrice(), fields.pricePrefix());
    }
}
