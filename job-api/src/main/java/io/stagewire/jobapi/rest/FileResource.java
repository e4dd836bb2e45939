package io.stagewire.jobapi.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.config.StagewireConfig;
import io.stagewire.jobapi.service.Files;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Downloads of screenshots, labels and uploads. A file's bytes never change under its id, so the
 * sha256 is a strong ETag and the response may be cached privately.
 */
@Path("/api/files/{id}")
@Authenticated
@Tag(name = "Files", description = "Screenshots, labels and uploads stored in Postgres")
public class FileResource {
    private final CurrentCaller caller;
    private final Files files;
    private final String cacheControl;

    FileResource(CurrentCaller caller, Files files, StagewireConfig config) {
        this.caller = caller;
        this.files = files;
        this.cacheControl = "private, max-age=" + config.files().maxAge().toSeconds();
    }

    @GET
    @Operation(operationId = "getFile", summary = "Download a file",
            description = "With the content type it was stored with, ETag (its sha256) and Cache-Control: private. If-None-Match with the ETag answers 304.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "application/octet-stream",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified: the ETag in If-None-Match is current")
    public Uni<Response> get(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return files.info(caller.get(), id).chain(info -> {
            EntityTag etag = new EntityTag(info.sha256());
            if (matches(ifNoneMatch, info.sha256())) {
                return Uni.createFrom().item(Response.notModified(etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build());
            }
            return files.bytes(id).map(bytes -> {
                Response.ResponseBuilder ok = Response.ok(bytes, info.contentType()).tag(etag).header(HttpHeaders.CACHE_CONTROL, cacheControl);
                if (info.fileName() != null) {
                    ok.header("Content-Disposition", "inline; filename=\"" + info.fileName().replaceAll("[\"\\\\\\r\\n]", "_") + "\"");
                }
                return ok.build();
            });
        });
    }

    /** If-None-Match: "*", or a list of tags, weak or strong (weak comparison, RFC 9110 13.1.2). */
    static boolean matches(String ifNoneMatch, String sha256) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals("\"" + sha256 + "\""));
    }
}
