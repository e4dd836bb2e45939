package io.stagewire.crawler.pipeline;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.stagewire.worker.messaging.StageEventSender;
import io.stagewire.crawler.service.CapturedProduct;
import io.stagewire.crawler.service.CrawlListener;
import io.stagewire.crawler.service.PngSize;
import io.stagewire.crawler.service.ProductFailure;
import io.stagewire.data.files.FileKind;
import io.stagewire.data.files.FileStore;
import io.stagewire.data.files.NewFile;
import io.stagewire.events.work.CrawlRequest;
import io.stagewire.events.work.OcrRequest;

/**
 * Hands each product of one crawl on, in the order the contract asks: the PNG into {@code files} (committed), then
 * screenshot:captured, then the OcrRequest. A product an earlier run of the job stored already is not visited
 * again; its event and OCR request are sent again under their ids, since that run may have stopped between the
 * insert and the sends (job-api and the OCR worker drop what they saw).
 */
final class ScreenshotPublisher implements CrawlListener {

    private static final Logger LOG = Logger.getLogger(ScreenshotPublisher.class);

    private final CrawlRequest request;
    private final CrawlEvents events;
    private final FileStore files;
    private final StageEventSender eventSender;
    private final OcrWork ocrSender;
    private int screenshots;

    ScreenshotPublisher(CrawlRequest request, CrawlEvents events, FileStore files, StageEventSender eventSender,
            OcrWork ocrSender) {
        this.request = request;
        this.events = events;
        this.files = files;
        this.eventSender = eventSender;
        this.ocrSender = ocrSender;
    }

    /** Screenshots of the job this crawl stored or found stored: the count of crawl:completed. */
    int screenshots() {
        return screenshots;
    }

    @Override
    public void onCaptured(CapturedProduct product) {
        String fileId = CrawlIds.fileId(request.jobId(), product.index());
        files.storeIfAbsent(List.of(new NewFile(fileId, request.userId(), request.jobId(), FileKind.SCREENSHOT,
                "image/png", "product-" + product.index() + ".png", product.png())));
        publish(new Screenshot(product.index(), CrawlIds.screenshotId(request.jobId(), product.index()), fileId,
                product.productUrl(), product.name(), product.width(), product.height(), product.evidence()));
    }

    @Override
    public boolean alreadyCaptured(int index, URI productUrl) {
        String fileId = CrawlIds.fileId(request.jobId(), index);
        Optional<byte[]> header = files.head(fileId, PngSize.HEADER_BYTES);
        if (header.isEmpty()) {
            return false;
        }
        // The name and the page's evidence were in the lost event only; the OCR worker reads the image anyway.
        PngSize size = PngSize.of(header.get());
        publish(new Screenshot(index, CrawlIds.screenshotId(request.jobId(), index), fileId, productUrl, null,
                size.width(), size.height(), null));
        return true;
    }

    @Override
    public void onProductFailed(ProductFailure failure) {
        LOG.warnf("job %s: product %d (%s) not captured: %s", request.jobId(), failure.index(), failure.productUrl(),
                failure.reason());
    }

    @Override
    public void onRequestBlocked(String url, String reason) {
        LOG.infof("job %s: request to %s blocked: %s", request.jobId(), url, reason);
    }

    private void publish(Screenshot screenshot) {
        eventSender.send(events.captured(screenshot));
        ocrSender.send(new OcrRequest(CrawlIds.ocrRequestId(request.jobId(), screenshot.index()), request.jobId(),
                request.userId(), screenshot.screenshotId(), screenshot.fileId(), request.templateId(),
                request.priceListId(), false, screenshot.evidence()));
        screenshots++;
    }
}
