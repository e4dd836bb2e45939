package io.stagewire.jobapi.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.config.StagewireConfig;
import io.stagewire.jobapi.service.Caller;
import io.stagewire.jobapi.service.JobCreation;
import io.stagewire.jobapi.service.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** OCR without crawling: the caller's own product images, read like screenshots. */
@Path("/api/extractions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs")
public class ExtractionResource {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

    private final CurrentCaller caller;
    private final JobCreation creation;
    private final Uploads uploads;
    private final StagewireConfig.Uploads limits;

    ExtractionResource(CurrentCaller caller, JobCreation creation, Uploads uploads, StagewireConfig config) {
        this.caller = caller;
        this.creation = creation;
        this.uploads = uploads;
        this.limits = config.uploads();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "createExtraction", summary = "OCR uploaded images",
            description = "Form field 'images', repeated: 1-20 PNG or JPEG images of at most 10 MB each. Creates an OCR-only job "
                    + "(kind extraction); its results come from GET /api/jobs/{id}/ocr-results.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the job", content = @Content(schema = @Schema(implementation = JobView.class)))
    public Uni<Response> create(@RestForm("images") @Schema(type = SchemaType.ARRAY,
            implementation = String.class, format = "binary") List<FileUpload> images) {
        Caller who = caller.get();
        if (images == null || images.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid("images", "at least one multipart field 'images' is required"));
        }
        if (images.size() > limits.maxImages()) {
            return Uni.createFrom().failure(ProblemException.invalid("images",
                    images.size() + " images; at most " + limits.maxImages() + " per extraction"));
        }
        return Multi.createFrom().iterable(images)
                .onItem().transformToUniAndConcatenate(upload -> uploads.read(upload, "images", limits.maxImageBytes())
                        .map(bytes -> image(upload, bytes)))
                .collect().asList()
                .chain(list -> creation.createExtraction(who, list))
                .map(job -> Response.accepted(JobView.of(job)).location(URI.create("/api/jobs/" + job.id)).build());
    }

    /** The content type is taken from the bytes, not from what the client claimed. */
    private static JobCreation.UploadedImage image(FileUpload upload, byte[] bytes) {
        String type = startsWith(bytes, PNG) ? "image/png" : startsWith(bytes, JPEG) ? "image/jpeg" : null;
        if (type == null) {
            throw ProblemException.unsupported("'" + Uploads.displayName(upload, "images") + "' is not a PNG or JPEG image");
        }
        return new JobCreation.UploadedImage(upload.fileName(), type, bytes);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
