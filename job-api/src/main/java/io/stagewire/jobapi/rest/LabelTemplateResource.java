package io.stagewire.jobapi.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.service.LabelTemplates;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/** Label templates: the built-in ones (among them "default") and the caller's own. */
@Path("/api/label-templates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Label templates", description = "How labels look")
public class LabelTemplateResource {
    private final CurrentCaller caller;
    private final LabelTemplates templates;

    LabelTemplateResource(CurrentCaller caller, LabelTemplates templates) {
        this.caller = caller;
        this.templates = templates;
    }

    @GET
    @Operation(operationId = "listLabelTemplates", summary = "List label templates", description = "Built-in templates first, then the caller's own.")
    @APIResponse(responseCode = "200", description = "Templates",
            content = @Content(schema = @Schema(implementation = Views.LabelTemplateView.class, type = SchemaType.ARRAY)))
    public Uni<List<Views.LabelTemplateView>> list() {
        return templates.visibleTo(caller.get()).map(list -> list.stream().map(Views.LabelTemplateView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getLabelTemplate", summary = "Get a label template")
    @APIResponse(responseCode = "200", description = "The template", content = @Content(schema = @Schema(implementation = Views.LabelTemplateView.class)))
    public Uni<Views.LabelTemplateView> get(@PathParam("id") String id) {
        return templates.visible(caller.get(), id).map(Views.LabelTemplateView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createLabelTemplate", summary = "Create a label template", description = "Visible to the caller only.")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = Views.LabelTemplateView.class)))
    public Uni<Response> create(@Valid @NotNull CreateLabelTemplateRequest request) {
        return templates.create(caller.get(), request.toEntity()).map(t -> Response.created(URI.create("/api/label-templates/" + t.id))
                .entity(Views.LabelTemplateView.of(t)).build());
    }
}
