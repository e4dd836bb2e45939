package io.stagewire.labelworker.pipeline;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.stagewire.events.StageEvent;
import io.stagewire.data.StorageUnavailableException;
import io.stagewire.events.work.Correction;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.labelworker.config.LabelWorkerConfig;
import io.stagewire.labelworker.domain.LabelData;
import io.stagewire.labelworker.domain.LabelTemplate;
import io.stagewire.labelworker.domain.MatchResult;
import io.stagewire.labelworker.domain.OcrReading;
import io.stagewire.labelworker.domain.PriceListRow;
import io.stagewire.labelworker.domain.RenderedLabel;
import io.stagewire.worker.messaging.EventSendException;
import io.stagewire.worker.messaging.StageEventSender;
import io.stagewire.worker.service.JobOwnership;
import io.stagewire.worker.service.JobOwnership.OwnedJob;
import io.stagewire.data.catalog.LabelTemplateRow;
import io.stagewire.data.files.FileKind;
import io.stagewire.data.files.FileStore;
import io.stagewire.data.files.NewFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;
import io.stagewire.labelworker.service.LabelRenderer;
import io.stagewire.labelworker.service.LabelRenderingException;
import io.stagewire.labelworker.service.LabelTemplateMapping;

/**
 * Answers one label request (docs/work-messages.md), only for the owner of its job and only with the owner's (or
 * built-in) template and price list; a request whose userId is not the job's owner, or for no job of job-api's, is
 * dead-lettered with nothing sent. Exactly one match:found or match:failed, and
 * after match:found exactly one label:generated (its files stored first) or label:failed.
 *
 * <p>Redelivery: the work is deterministic (same list, template and reading give the same match and
 * byte-identical files) and every id is derived from the requestId, so doing a request again
 * stores nothing new and sends events job-api already has. That is also what makes a worker killed
 * between storing and sending lose nothing: the redelivered request finishes the job.
 */
@ApplicationScoped
public class LabelRequestProcessor {
    private static final Logger LOG = Logger.getLogger(LabelRequestProcessor.class);
    private static final Pattern NOT_FILE_NAME_SAFE = Pattern.compile("[^A-Za-z0-9._-]+");

    private final JobOwnership jobs;
    private final Catalog catalog;
    private final LabelRenderer renderer;
    private final FileStore files;
    private final StageEventSender sender;
    private final String localeTag;

    LabelRequestProcessor(JobOwnership jobs, Catalog catalog, LabelRenderer renderer, FileStore files, StageEventSender sender,
                          LabelWorkerConfig config) {
        this.jobs = jobs;
        this.catalog = catalog;
        this.renderer = renderer;
        this.files = files;
        this.sender = sender;
        this.localeTag = config.locale();
    }

    /**
     * Postgres or Kafka being away for a moment retries the whole request (safe, see above); a
     * request still failing after that goes to the dead-letter topic.
     */
    // About two minutes of waiting (250 ms doubling to 5 s, 30 times): a Postgres restart or fail-over, a broker
    // restart (docs/reliability.md). Not the request's length: a long crawl may fail late and still be retried.
    @Retry(retryOn = {StorageUnavailableException.class, EventSendException.class}, maxRetries = 30, delay = 250, jitter = 100,
            maxDuration = 0)
    @ExponentialBackoff(maxDelay = 5_000)
    public void process(LabelRequest request) {
        OwnedJob job = jobs.require(request.jobId(), request.userId());
        if (job.cancelled()) {
            LOG.debugf("job %s is cancelled: request %s dropped", request.jobId(), request.requestId());
            return;
        }
        LabelEvents events = new LabelEvents(request);
        Optional<LabelTemplateRow> template = catalog.template(request.templateId(), job.ownerId());
        // Price lists carry no currency: their prices are in the currency the label prints.
        String currency = template.map(LabelTemplateRow::currency).orElse(request.currency());
        switch (match(request, job.ownerId(), currency, events)) {
            case Unmatched unmatched -> sender.send(events.matchFailed(unmatched.reason(), unmatched.failure(), unmatched.candidates()));
            case Matched matched -> {
                sender.send(matched.event());
                sender.send(label(request, template, matched, events));
            }
        }
    }

    private sealed interface ItemMatch {
    }

    /** @param label what goes on the label; throws {@link LabelRenderingException} when no label can be made */
    private record Matched(StageEvent event, String articleNumber, Supplier<LabelData> label)
            implements ItemMatch {
    }

    /** @param failure the matcher's kind of failure; null when the item could not be matched at all */
    private record Unmatched(String reason, MatchResult.Reason failure, List<PriceListRow> candidates) implements ItemMatch {
        Unmatched(String reason) {
            this(reason, null, List.of());
        }

        Unmatched(MatchResult.Failed failed) {
            this(failed.message(), failed.reason(), failed.candidates());
        }
    }

    private ItemMatch match(LabelRequest request, String ownerId, String currency, LabelEvents events) {
        if (request.priceListId() == null) {
            return fromReading(request, currency, events);
        }
        if (currency == null) {
            return new Unmatched("no label template '" + request.templateId() + "' to take the price list's currency from");
        }
        Catalog.PriceListLookup list = catalog.matcher(request.priceListId(), ownerId, currency);
        if (list.matcher() == null) {
            return new Unmatched(list.refusal());
        }
        Correction correction = request.correction();
        OcrReading reading = new OcrReading(request.articleNumber(), request.name(),
                correction != null && correction.price() != null ? correction.price() : request.price(),
                request.currency(), request.ean());
        MatchResult result = correction == null ? list.matcher().match(reading)
                : list.matcher().matchChosen(correction.articleNumber() != null ? correction.articleNumber()
                        : request.articleNumber(), reading);
        return switch (result) {
            case MatchResult.Found found -> new Matched(events.matchFound(found), found.row().articleNumber(),
                    () -> LabelData.of(found.row()));
            case MatchResult.Failed failed -> new Unmatched(failed);
        };
    }

    /** Without a price list the shop page is the only source: the label shows what OCR read. */
    private static ItemMatch fromReading(LabelRequest request, String templateCurrency, LabelEvents events) {
        Correction correction = request.correction();
        String set = correction != null && correction.articleNumber() != null ? correction.articleNumber() : request.articleNumber();
        String articleNumber = set == null ? "" : set.strip();
        if (articleNumber.isEmpty()) {
            return new Unmatched("no article number was read", MatchResult.Reason.NO_ARTICLE_NUMBER, List.of());
        }
        BigDecimal price = correction != null && correction.price() != null ? correction.price() : request.price();
        // A previous price is only "previous" above the price: one the user's corrected price reaches is dropped.
        BigDecimal previousPrice = request.previousPrice() != null && price != null && request.previousPrice().compareTo(price) > 0
                ? request.previousPrice() : null;
        String currency = request.currency() != null && !request.currency().isBlank() ? request.currency().strip()
                : templateCurrency;
        return new Matched(events.takenAsRead(articleNumber, price, currency), articleNumber, () -> {
            if (price == null || currency == null) {
                throw new LabelRenderingException("no price was read, and the job has no price list to take it from");
            }
            // The shop's own price, so its previous price too (struck through, when the template shows one), and the
            // word it writes before a from-price ("ab 9,99 €"): a label must not claim more than the shop does.
            return new LabelData(request.name(), price, currency, articleNumber, request.ean(),
                    previousPrice, request.pricePrefix());
        });
    }

    private StageEvent label(LabelRequest request, Optional<LabelTemplateRow> stored,
                                                 Matched matched, LabelEvents events) {
        if (stored.isEmpty()) {
            return events.labelFailed(matched.articleNumber(), "no label template '" + request.templateId() + "'");
        }
        LabelTemplate template;
        try {
            template = LabelTemplateMapping.toLabelTemplate(stored.get(), localeTag);
        } catch (IllegalArgumentException e) {
            return events.labelFailed(matched.articleNumber(),
                    "label template '" + request.templateId() + "' cannot be used: " + e.getMessage());
        }
        RenderedLabel label;
        try {
            label = renderer.render(template, matched.label().get());
        } catch (LabelRenderingException e) {
            return events.labelFailed(matched.articleNumber(), e.getMessage());
        }
        LabelIds ids = events.ids();
        String fileName = "label-" + NOT_FILE_NAME_SAFE.matcher(matched.articleNumber()).replaceAll("_");
        files.storeIfAbsent(List.of(
                new NewFile(ids.pngFile(), request.userId(), request.jobId(), FileKind.LABEL_PNG, "image/png",
                        fileName + ".png", label.png()),
                new NewFile(ids.pdfFile(), request.userId(), request.jobId(), FileKind.LABEL_PDF, "application/pdf",
                        fileName + ".pdf", label.pdf())));
        return events.labelGenerated(matched.articleNumber(), label.barcodeType());
    }
}
