package io.stagewire.crawler.pipeline;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.stagewire.worker.messaging.EventSendException;
import io.stagewire.data.StorageUnavailableException;
import io.stagewire.worker.messaging.StageEventSender;
import io.stagewire.worker.service.JobCancellation;
import io.stagewire.worker.service.JobOwnership;
import io.stagewire.data.files.FileStore;
import io.stagewire.crawler.service.CrawlFailedException;
import io.stagewire.crawler.service.CrawlOptions;
import io.stagewire.crawler.service.CrawlResult;
import io.stagewire.crawler.service.ShopCrawler;
import io.stagewire.events.work.CrawlRequest;

/**
 * Answers one CrawlRequest, only for the owner of its job (a request whose userId is not the job's owner, or for
 * no job of job-api's, is dead-lettered with the reason and nothing is fetched, stored or sent): crawl:started, per product the stored PNG, screenshot:captured and an OcrRequest, then
 * crawl:completed with the count or crawl:failed with the reason. A cancelled job ends the crawl at the next page
 * and gets nothing more from here (job-api already sent job:cancelled, its last event).
 */
@ApplicationScoped
public class CrawlRequestProcessor {

    private static final Logger LOG = Logger.getLogger(CrawlRequestProcessor.class);

    private final ShopCrawler crawler;
    private final JobOwnership ownership;
    private final JobCancellation cancellation;
    private final FileStore files;
    private final StageEventSender eventSender;
    private final OcrWork ocrSender;

    CrawlRequestProcessor(ShopCrawler crawler, JobOwnership ownership, JobCancellation cancellation, FileStore files,
            StageEventSender eventSender, OcrWork ocrSender) {
        this.ownership = ownership;
        this.crawler = crawler;
        this.cancellation = cancellation;
        this.files = files;
        this.eventSender = eventSender;
        this.ocrSender = ocrSender;
    }

    /**
     * Crawls for the request. Postgres or Kafka failing for a moment repeats the whole request, which is safe: the
     * ids are deterministic (CrawlIds), so stored products are found and skipped and events repeat their ids. Still
     * failing after that, the exception reaches the consumer and the request is dead-lettered.
     */
    // About two minutes of waiting (250 ms doubling to 5 s, 30 times): a Postgres restart or fail-over, a broker
    // restart (docs/reliability.md). Not the request's length: a long crawl may fail late and still be retried.
    @Retry(retryOn = {StorageUnavailableException.class, EventSendException.class}, maxRetries = 30, delay = 250, jitter = 100,
            maxDuration = 0)
    @ExponentialBackoff(maxDelay = 5_000)
    public void process(CrawlRequest request) {
        String jobId = request.jobId();
        // A forged request (another user's job, or none of job-api's) is refused before anything is fetched or stored.
        if (ownership.require(jobId, request.userId()).cancelled()) {
            LOG.infof("job %s is cancelled; crawl request %s dropped", jobId, request.requestId());
            return;
        }
        CrawlEvents events = new CrawlEvents(request);
        eventSender.send(events.started());
        ScreenshotPublisher publisher = new ScreenshotPublisher(request, events, files, eventSender, ocrSender);
        CrawlResult result;
        try {
            result = crawler.crawl(URI.create(request.shopUrl()),
                    CrawlOptions.of(request.crawlerConfig()),
                    request.crawlerConfig().effectiveMaxPages(), () -> cancellation.isCancelled(jobId), publisher);
        } catch (CrawlFailedException e) {
            LOG.infof("job %s: crawl failed: %s", jobId, e.getMessage());
            eventSender.send(events.failed(e.getMessage()));
            return;
        }
        if (result.cancelled()) {
            LOG.infof("job %s was cancelled during the crawl, after %d screenshots", jobId, publisher.screenshots());
            return;
        }
        result.incomplete().ifPresent(reason -> LOG.warnf("job %s: crawl ended early: %s", jobId, reason));
        if (publisher.screenshots() == 0) {
            // Product links were found (else the crawler would have failed), but not one page could be captured.
            eventSender.send(events.failed("none of the " + result.failed() + " product pages could be captured"
                    + result.incomplete().map(reason -> "; " + reason).orElse("")));
            return;
        }
        eventSender.send(events.completed(publisher.screenshots(), result));
        LOG.infof("job %s: crawl completed with %d screenshots (%d failed) in %d ms", jobId, publisher.screenshots(),
                result.failed(), result.duration().toMillis());
    }
}
