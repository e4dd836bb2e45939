package io.stagewire.jobapi.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.stagewire.jobapi.config.StagewireConfig;
import io.stagewire.jobapi.service.Caller;
import io.stagewire.jobapi.service.PriceListImport;
import io.stagewire.jobapi.service.PriceLists;
import io.stagewire.jobapi.service.ProblemException;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Price lists from .xlsx workbooks, matched against the OCR results of the caller's jobs. */
@Path("/api/price-lists")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Price lists", description = "Price lists uploaded as .xlsx")
public class PriceListResource {
    private final CurrentCaller caller;
    private final PriceLists priceLists;
    private final Uploads uploads;
    private final StagewireConfig.Uploads limits;

    PriceListResource(CurrentCaller caller, PriceLists priceLists, Uploads uploads, StagewireConfig config) {
        this.caller = caller;
        this.priceLists = priceLists;
        this.uploads = uploads;
        this.limits = config.uploads();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "uploadPriceList", summary = "Upload a price list (.xlsx)",
            description = "Form field 'file': a workbook whose header row names article number, name and price, EAN optional "
                    + "(German or English names, e.g. Artikelnummer/Bezeichnung/Preis). At most 5 MB and 50000 articles. "
                    + "Optional field 'name'; the file name otherwise.")
    @APIResponse(responseCode = "201", description = "Stored; Location names it", content = @Content(schema = @Schema(implementation = Views.PriceListView.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not an .xlsx workbook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No header row, or rows that cannot be used; errors name each row and reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> upload(@RestForm("file") @Schema(type = SchemaType.STRING, format = "binary") FileUpload file,
                                @RestForm("name") String name) {
        Caller who = caller.get();
        if (file == null) {
            return Uni.createFrom().failure(ProblemException.invalid("file", "a multipart field 'file' with the .xlsx workbook is required"));
        }
        String listName = name != null && !name.isBlank() ? name.strip() : Uploads.displayName(file, "price list");
        if (listName.length() > 255) {
            return Uni.createFrom().failure(ProblemException.invalid("name", "name is longer than 255 characters"));
        }
        if (listName.indexOf('\0') >= 0) {
            return Uni.createFrom().failure(ProblemException.invalid("name", "name contains a NUL character"));
        }
        return uploads.read(file, "file", limits.maxPriceListBytes())
                .chain(bytes -> uploads.offEventLoop(() -> PriceListImport.read(file.uploadedFile(), limits.maxPriceListRows()))
                        .chain(articles -> priceLists.store(who, listName, file.fileName(), bytes, articles)))
                .map(list -> Response.created(URI.create("/api/price-lists/" + list.id)).entity(Views.PriceListView.of(list)).build());
    }

    @GET
    @Operation(operationId = "listPriceLists", summary = "The caller's price lists, newest first")
    @APIResponse(responseCode = "200", description = "Price lists",
            content = @Content(schema = @Schema(implementation = Views.PriceListView.class, type = SchemaType.ARRAY)))
    public Uni<List<Views.PriceListView>> list() {
        return priceLists.ownedBy(caller.get()).map(lists -> lists.stream().map(Views.PriceListView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPriceList", summary = "One price list", description = "Another user's price list answers 404, like a missing one.")
    @APIResponse(responseCode = "200", description = "The price list", content = @Content(schema = @Schema(implementation = Views.PriceListView.class)))
    public Uni<Views.PriceListView> get(@PathParam("id") String id) {
        return priceLists.visible(caller.get(), id).map(Views.PriceListView::of);
    }
}
