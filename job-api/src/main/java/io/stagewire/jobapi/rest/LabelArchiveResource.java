package io.stagewire.jobapi.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.persistence.Label;
import io.stagewire.jobapi.persistence.LabelStatus;
import io.stagewire.jobapi.service.Caller;
import io.stagewire.jobapi.service.Files;
import io.stagewire.jobapi.service.JobQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Every generated label of a job in one zip (the dashboard's "download all"): one request that
 * works the same on a phone, instead of the browser fetching each file and zipping in script.
 */
@Path("/api/jobs/{id}/labels.zip")
@Authenticated
@Tag(name = "Jobs")
public class LabelArchiveResource {
    static final String ZIP = "application/zip";

    private final CurrentCaller caller;
    private final JobQueries queries;
    private final Files files;

    LabelArchiveResource(CurrentCaller caller, JobQueries queries, Files files) {
        this.caller = caller;
        this.queries = queries;
        this.files = files;
    }

    /** One file of the archive: its name in the zip and the stored file it comes from. */
    record Entry(String name, String fileId) {
    }

    @GET
    @Produces(ZIP)
    @Operation(operationId = "downloadLabels", summary = "All generated labels of a job as a zip",
            description = "Each generated label as <article>.pdf and <article>.png (names made unique); failed labels are left out. An empty zip when there are none yet. 404 for another user's job.")
    @APIResponse(responseCode = "200", description = "The zip", content = @Content(mediaType = ZIP,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Uni<Response> download(@PathParam("id") String id) {
        Caller who = caller.get();
        // Label rows come from events, which may name any file id: only files the caller may see go in.
        return queries.labels(who, id)
                .chain(labels -> Multi.createFrom().iterable(entries(labels))
                        .onItem().transformToUniAndConcatenate(e -> files.bytesVisibleTo(who, e.fileId())
                                .map(bytes -> bytes == null ? null : Map.entry(e.name(), bytes))) // a null item is dropped
                        .collect().asList())
                .map(contents -> Response.ok(zip(contents), ZIP)
                        .header("Content-Disposition", "attachment; filename=\"labels-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + ".zip\"")
                        .header("Cache-Control", "no-store")
                        .build());
    }

    /** PDF and PNG of each generated label, named by article number (else label id), unique within the zip. */
    static List<Entry> entries(List<Label> labels) {
        List<Entry> entries = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Label label : labels) {
            if (label.status != LabelStatus.GENERATED) {
                continue;
            }
            String base = safe(label.articleNumber != null && !label.articleNumber.isBlank() ? label.articleNumber
                    : label.labelId != null ? label.labelId : label.itemKey);
            String name = base;
            for (int n = 2; used.contains(name); n++) {
                name = base + "-" + n;
            }
            used.add(name);
            if (label.pdfFileId != null) {
                entries.add(new Entry(name + ".pdf", label.pdfFileId));
            }
            if (label.pngFileId != null) {
                entries.add(new Entry(name + ".png", label.pngFileId));
            }
        }
        return entries;
    }

    static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
        cleaned = cleaned.length() > 100 ? cleaned.substring(0, 100) : cleaned;
        return cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.') ? "label" : cleaned;
    }

    static byte[] zip(List<Map.Entry<String, byte[]>> contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> content : contents) {
                zip.putNextEntry(new ZipEntry(content.getKey()));
                zip.write(content.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
