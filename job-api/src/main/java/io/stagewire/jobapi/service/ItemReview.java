package io.stagewire.jobapi.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.work.Correction;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.jobapi.persistence.Job;
import io.stagewire.jobapi.persistence.JobKind;
import io.stagewire.jobapi.persistence.JobStatus;
import io.stagewire.jobapi.persistence.Label;
import io.stagewire.jobapi.persistence.LabelStatus;
import io.stagewire.jobapi.persistence.Match;
import io.stagewire.jobapi.persistence.MatchStatus;
import io.stagewire.jobapi.persistence.OcrResult;
import io.stagewire.jobapi.persistence.OcrStatus;
import io.stagewire.jobapi.persistence.PriceListRow;
import io.stagewire.jobapi.persistence.Screenshot;
import io.stagewire.jobapi.persistence.ScreenshotKey;
import io.stagewire.jobapi.persistence.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.hibernate.exception.LockAcquisitionException;

/**
 * The review of a job (issue 15, item 5): the items whose label should not be trusted without a person's look —
 * unmatched, ambiguous, unlabelled, or where the product page stated another value than OCR read — and the owner's
 * correction of one of them, which sends its label request again, matched as the owner decided
 * ({@code matchedBy: "manual"}). Every viewer of the job sees the answer live as match:found and label:generated.
 */
@ApplicationScoped
public class ItemReview {
    public static final String AMBIGUOUS = "ambiguous";
    public static final String UNMATCHED = "unmatched";
    public static final String NO_ARTICLE_NUMBER = "no-article-number";
    public static final String LABEL_FAILED = "label-failed";
    public static final String DISAGREEMENT = "disagreement";
    private static final String MANUAL = "manual";

    private final JobQueries queries;
    private final JobCommands commands;
    private final Outbox outbox;
    private final OutboxDelivery delivery;

    ItemReview(JobQueries queries, JobCommands commands, Outbox outbox, OutboxDelivery delivery) {
        this.queries = queries;
        this.commands = commands;
        this.outbox = outbox;
        this.delivery = delivery;
    }

    /** The job's items that need review, in the order OCR finished them; four reads, whatever the job's size. */
    @WithSession
    public Uni<List<ReviewItem>> list(Caller caller, String jobId) {
        return queries.visibleJob(caller, jobId).chain(job -> OcrResult.<OcrResult>list(
                "jobId = ?1 and status = ?2 order by recordedAt, screenshotId", jobId, OcrStatus.COMPLETED)
                .chain(readings -> Match.<Match>list("jobId", jobId).chain(matches -> Label.<Label>list(
                        "jobId = ?1 and screenshotId is not null", jobId).chain(labels -> Screenshot.<Screenshot>list(
                                "jobId", jobId).map(screenshots -> items(readings, byScreenshot(matches, m -> m.screenshotId),
                                        byScreenshot(labels, l -> l.screenshotId), byScreenshot(screenshots, s -> s.screenshotId)))))));
    }

    private static List<ReviewItem> items(List<OcrResult> readings, Map<String, Match> matches, Map<String, Label> labels,
                                          Map<String, Screenshot> screenshots) {
        List<ReviewItem> items = new ArrayList<>();
        for (OcrResult reading : readings) {
            Match match = matches.get(reading.screenshotId);
            Label label = labels.get(reading.screenshotId);
            List<String> needs = needs(reading, match, label);
            if (!needs.isEmpty()) {
                items.add(new ReviewItem(screenshots.get(reading.screenshotId), reading, match, label, needs));
            }
        }
        return items;
    }

    static List<String> needs(OcrResult reading, Match match, Label label) {
        List<String> needs = new ArrayList<>();
        if (match != null && match.status == MatchStatus.UNMATCHED) {
            needs.add(AMBIGUOUS.equals(match.failure) ? AMBIGUOUS : NO_ARTICLE_NUMBER.equals(match.failure) ? NO_ARTICLE_NUMBER : UNMATCHED);
        }
        if (label != null && label.status == LabelStatus.FAILED) {
            needs.add(LABEL_FAILED);
        }
        // A person who has decided has seen the page's statement: the disagreement is settled.
        boolean decided = match != null && MANUAL.equals(match.matchedBy);
        if (reading.disagreements != null && !reading.disagreements.fields().isEmpty() && !decided) {
            needs.add(DISAGREEMENT);
        }
        return needs;
    }

    /**
     * Sends the item's label request again with the owner's correction; its match and label rows (and the label's
     * files) go, so the item is in flight again and a finished job reopens until the answer is in (job:updated).
     *
     * @throws ProblemException 404 for a job or item the caller cannot see; 409 for a job or item that cannot be
     *         corrected now (an extraction, a cancelled job, OCR that read nothing, an item still in flight); 400 for a
     *         correction that cannot give a label (no price-list row with that number, nothing to print as price)
     */
    // A deadlock with history maintenance or with another writer of the job is worth another try; it changed nothing.
    @Retry(maxRetries = 3, delay = 50, jitter = 50, retryOn = LockAcquisitionException.class)
    public Uni<Job> correct(Caller caller, String jobId, String screenshotId, ItemCorrection correction) {
        return Panache.withTransaction(() -> JobCommands.lockedOwnJob(caller, jobId).chain(job -> {
            if (job.kind == JobKind.EXTRACTION) {
                throw ProblemException.conflict("job '" + jobId + "' is an extraction: it makes no labels to correct");
            }
            if (job.status == JobStatus.CANCELLED) {
                throw ProblemException.conflict("job '" + jobId + "' is cancelled");
            }
            ScreenshotKey key = new ScreenshotKey(jobId, screenshotId);
            return OcrResult.<OcrResult>findById(key).chain(reading -> Match.<Match>findById(key).chain(match ->
                    Label.<Label>findById(new Label.Key(jobId, screenshotId)).chain(label -> {
                        requireFinished(screenshotId, reading, match, label);
                        return chosenArticleNumber(job, correction, reading, match).chain(articleNumber -> {
                            Uni<Void> labelGone = label == null ? Uni.createFrom().voidItem()
                                    : label.delete().chain(() -> deleteFiles(label));
                            return match.delete().chain(() -> labelGone).chain(() -> outbox.work(new LabelRequest(
                                    UUID.randomUUID().toString(), job.id, job.userId, screenshotId, job.templateId,
                                    job.priceListId, reading.articleNumber, reading.name, reading.price, reading.currency,
                                    reading.ean, reading.previousPrice, reading.pricePrefix,
                                    new Correction(articleNumber, correction.price(), caller.userId()))));
                        });
                    }))).chain(() -> commands.itemsBackInFlight(job));
        })).invoke(delivery::deliverInBackground);
    }

    private static void requireFinished(String screenshotId, OcrResult reading, Match match, Label label) {
        if (reading == null) {
            throw ProblemException.notFound("item", screenshotId);
        }
        if (reading.status != OcrStatus.COMPLETED) {
            throw ProblemException.conflict("OCR read nothing on item '" + screenshotId + "' (" + reading.reason
                    + "): there is no reading to correct; retry the job to read it again");
        }
        if (match == null || match.status == MatchStatus.MATCHED && label == null) {
            throw ProblemException.conflict("item '" + screenshotId + "' is still being matched and labelled; "
                    + "correct it when it has finished");
        }
    }

    /**
     * The article number the label worker is to match exactly: with a price list, the stored form of the row the
     * owner named (400 when the list has none); without one, the number to print.
     */
    private static Uni<String> chosenArticleNumber(Job job, ItemCorrection correction, OcrResult reading, Match match) {
        String given = correction.articleNumber() == null ? null : correction.articleNumber().strip().replaceAll("\\s+", " ");
        if (given != null && given.isEmpty()) {
            throw ProblemException.invalid("articleNumber", "must not be blank");
        }
        if (given == null && correction.price() == null) {
            throw ProblemException.invalid("articleNumber", "give an article number, a price or both");
        }
        if (job.priceListId == null) {
            if (given == null && (reading.articleNumber == null || reading.articleNumber.isBlank())) {
                throw ProblemException.invalid("articleNumber", "no article number was read: give the one the label shows");
            }
            if (correction.price() == null && reading.price == null) {
                throw ProblemException.invalid("price", "no price was read and the job has no price list: give the price the label shows");
            }
            return Uni.createFrom().item(given);
        }
        if (given == null) {
            if (match.status != MatchStatus.MATCHED) {
                throw ProblemException.invalid("articleNumber", "the item matched no price-list row: choose one");
            }
            // A price alone keeps the row that matched; the owner has now confirmed it.
            return Uni.createFrom().item(match.articleNumber);
        }
        return PriceListRow.<PriceListRow>find("priceListId = ?1 and upper(trim(articleNumber)) = ?2", job.priceListId,
                given.toUpperCase(Locale.ROOT)).firstResult().map(row -> {
                    if (row == null) {
                        throw ProblemException.invalid("articleNumber", "the job's price list has no row with article number '"
                                + given + "'");
                    }
                    return row.articleNumber;
                });
    }

    /** A label made again replaces its files (the new ones have new ids): the old PNG and PDF go with its row. */
    private static Uni<Void> deleteFiles(Label label) {
        List<String> ids = java.util.stream.Stream.of(label.pngFileId, label.pdfFileId).filter(java.util.Objects::nonNull).toList();
        return ids.isEmpty() ? Uni.createFrom().voidItem()
                : StoredFile.delete("id in ?1 and jobId = ?2", ids, label.jobId).replaceWithVoid();
    }

    private static <T> Map<String, T> byScreenshot(List<T> rows, Function<T, String> screenshotId) {
        return rows.stream().collect(Collectors.toMap(screenshotId, Function.identity(), (a, b) -> a));
    }
}
