package io.stagewire.jobapi.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stagewire.events.EventPosition;
import io.stagewire.jobapi.persistence.JobStatus;
import io.stagewire.jobapi.persistence.Match;
import io.stagewire.jobapi.service.ItemReview;
import io.stagewire.jobapi.service.JobCommands;
import io.stagewire.jobapi.service.JobCreation;
import io.stagewire.jobapi.service.JobQueries;
import io.stagewire.jobapi.service.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Jobs: create, list, inspect, cancel and retry; their event history and results. */
@Path("/api/jobs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs", description = "Crawl and extraction jobs, their event history and results")
public class JobResource {

    @jakarta.inject.Inject
    io.stagewire.jobapi.config.StagewireConfig stagewireConfig;

    /** External jobs last updated before this are stale. */
    private java.time.OffsetDateTime staleBefore() {
        return java.time.OffsetDateTime.now().minus(stagewireConfig.externalJobs().staleAfter());
    }

    // page * size (at most 100) stays far below Integer.MAX_VALUE
    static final int MAX_PAGE = 1_000_000;
    private final CurrentCaller caller;
    private final JobCreation creation;
    private final JobQueries queries;
    private final JobCommands commands;
    private final ItemReview review;

    JobResource(CurrentCaller caller, JobCreation creation, JobQueries queries, JobCommands commands, ItemReview review) {
        this.caller = caller;
        this.creation = creation;
        this.queries = queries;
        this.commands = commands;
        this.review = review;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createJob", summary = "Create a crawl job",
            description = "Accepts the job and queues its crawl; progress follows on job.events and GET /api/jobs/{id}.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the job",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    public Uni<Response> create(@Valid @NotNull CreateJobRequest request) {
        return creation.createCrawl(caller.get(), request.toNewCrawlJob()).map(job -> Response.accepted(JobView.of(job))
                .location(URI.create("/api/jobs/" + job.id)).build());
    }

    @GET
    @Operation(operationId = "listJobs", summary = "List jobs", description = "The caller's jobs, newest first; every job for role admin.")
    @APIResponse(responseCode = "200", description = "One page of jobs", content = @Content(schema = @Schema(implementation = Views.JobPage.class)))
    public Uni<Views.JobPage> list(
            @Parameter(description = "Only jobs with this status; 'active' for every status that is not final",
                    schema = @Schema(enumeration = {"active", "pending", "crawling",
                    "processing-ocr", "matching", "rendering", "completed", "failed", "cancelled"}))
            @QueryParam("status") String status,
            @Parameter(description = "Only jobs of this owner (OIDC sub); for role admin, any owner")
            @QueryParam("userId") String userId,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "" + MAX_PAGE, defaultValue = "0"))
            @QueryParam("page") String pageParam,
            @Parameter(description = "Page size, 1-100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") String sizeParam) {
        int page = WholeNumberParam.of("page", pageParam, 0, 0, MAX_PAGE);
        int size = WholeNumberParam.of("size", sizeParam, 20, 1, 100);
        Set<JobStatus> filter = status == null ? null : JobStatus.filterFor(status)
                .orElseThrow(() -> ProblemException.invalid("status", "unknown status '" + status + "'"));
        return queries.list(caller.get(), filter, userId, page, size).map(p -> new Views.JobPage(
                p.items().stream().map(job -> JobView.of(job, staleBefore())).toList(), p.page(), p.size(), p.total()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getJob", summary = "Get a job", description = "Another user's job answers 404, like a missing one.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = JobView.class)))
    public Uni<JobView> get(@PathParam("id") String id) {
        return queries.visibleJob(caller.get(), id).map(job -> JobView.of(job, staleBefore()));
    }

    @GET
    @Path("/{id}/events")
    @Operation(operationId = "listJobEvents", summary = "Event history of a job",
            description = "Events after the given position, in order (partition, then offset: stable). Page by passing 'next' as 'after' until 'next' is null.")
    @APIResponse(responseCode = "200", description = "Events in order",
            content = @Content(schema = @Schema(implementation = Views.EventPage.class)))
    public Uni<Views.EventPage> events(@PathParam("id") String id,
            @Parameter(description = "Position (\"partition-offset\") to start after; from the beginning when absent") @QueryParam("after") String after,
            @Parameter(description = "Events at most, 1-1000", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
            @QueryParam("limit") String limitParam) {
        int limit = WholeNumberParam.of("limit", limitParam, 100, 1, 1000);
        EventPosition from = after == null || after.isEmpty() ? null : EventPosition.parse(after)
                .orElseThrow(() -> ProblemException.invalid("after", "after: '" + after + "' is not a position (partition-offset)"));
        return queries.events(caller.get(), id, from, limit)
                .map(events -> Views.EventPage.of(events.stream().map(Views.EventView::of).toList(), limit));
    }

    @GET
    @Path("/{id}/screenshots")
    @Operation(operationId = "listScreenshots", summary = "Screenshots of a job")
    @APIResponse(responseCode = "200", description = "Screenshots in capture order",
            content = @Content(schema = @Schema(implementation = Views.ScreenshotView.class, type = SchemaType.ARRAY)))
    public Uni<List<Views.ScreenshotView>> screenshots(@PathParam("id") String id) {
        return queries.screenshots(caller.get(), id).map(list -> list.stream().map(Views.ScreenshotView::of).toList());
    }

    @GET
    @Path("/{id}/ocr-results")
    @Operation(operationId = "listOcrResults", summary = "OCR results of a job, each with its price-list match")
    @APIResponse(responseCode = "200", description = "OCR results",
            content = @Content(schema = @Schema(implementation = Views.OcrResultView.class, type = SchemaType.ARRAY)))
    public Uni<List<Views.OcrResultView>> ocrResults(@PathParam("id") String id) {
        return queries.ocrResults(caller.get(), id).chain(results -> queries.matches(id).map(matches -> {
            Map<String, Match> byScreenshot = matches.stream().collect(Collectors.toMap(m -> m.screenshotId, Function.identity()));
            return results.stream().map(r -> Views.OcrResultView.of(r, byScreenshot.get(r.screenshotId))).toList();
        }));
    }

    @GET
    @Path("/{id}/labels")
    @Operation(operationId = "listLabels", summary = "Labels of a job")
    @APIResponse(responseCode = "200", description = "Labels, generated and failed",
            content = @Content(schema = @Schema(implementation = Views.LabelView.class, type = SchemaType.ARRAY)))
    public Uni<List<Views.LabelView>> labels(@PathParam("id") String id) {
        return queries.labels(caller.get(), id).map(list -> list.stream().map(Views.LabelView::of).toList());
    }

    @GET
    @Path("/{id}/review")
    @Operation(operationId = "listReviewItems", summary = "Items of a job that need review",
            description = "Unmatched, ambiguous and unlabelled items, and those where the product page stated another value "
                    + "than OCR read, in the order OCR finished them. A corrected item leaves the list while its label is made "
                    + "again, and comes back only if that fails.")
    @APIResponse(responseCode = "200", description = "Items to review; empty when there are none",
            content = @Content(schema = @Schema(implementation = Views.ReviewItemView.class, type = SchemaType.ARRAY)))
    public Uni<List<Views.ReviewItemView>> review(@PathParam("id") String id) {
        return review.list(caller.get(), id).map(items -> items.stream().map(Views.ReviewItemView::of).toList());
    }

    @POST
    @Path("/{id}/review/{screenshotId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "correctItem", summary = "Correct an item and make its label again",
            description = "Sets the article number (with a price list: the row to use, matched exactly) and/or the price the "
                    + "shop shows; the label worker answers with match:found (matchedBy manual) and label:generated, live for "
                    + "every viewer. A finished job reopens until the label is in.")
    @APIResponse(responseCode = "202", description = "Sent to the label worker", content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", description = "Nothing to correct with, or no price-list row with that article number")
    @APIResponse(responseCode = "404", description = "No such job or item for the caller")
    @APIResponse(responseCode = "409", description = "The job or item cannot be corrected now (cancelled, extraction, OCR read "
            + "nothing, still in flight)")
    public Uni<Response> correct(@PathParam("id") String id, @PathParam("screenshotId") String screenshotId,
                                 @Valid @NotNull CorrectItemRequest request) {
        return review.correct(caller.get(), id, screenshotId, request.toCorrection())
                .map(job -> Response.accepted(JobView.of(job)).build());
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelJob", summary = "Cancel a job", description = "job:cancelled becomes the job's last event; workers stop before their next item.")
    @APIResponse(responseCode = "202", description = "Cancelled", content = @Content(schema = @Schema(implementation = JobView.class)))
    public Uni<Response> cancel(@PathParam("id") String id) {
        return commands.cancel(caller.get(), id).map(job -> Response.accepted(JobView.of(job)).build());
    }

    @POST
    @Path("/{id}/retry")
    @Operation(operationId = "retryJob", summary = "Retry the failed items of a finished job",
            description = "A failed crawl is crawled again; failed OCR and failed labels are sent to their workers again. What succeeded stays.")
    @APIResponse(responseCode = "202", description = "Retrying", content = @Content(schema = @Schema(implementation = JobView.class)))
    public Uni<Response> retry(@PathParam("id") String id) {
        return commands.retry(caller.get(), id).map(job -> Response.accepted(JobView.of(job)).build());
    }
}
