package io.stagewire.jobapi.dashboard;

import io.stagewire.jobapi.config.StagewireConfig;
import jakarta.annotation.security.PermitAll;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSets;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where the dashboard finds its OIDC provider and the progress gateway. Public (the browser needs
 * it before it has a token) and holds nothing secret: the dashboard is a public OIDC client.
 */
@Path("/dashboard/config.json")
@PermitAll
@Tag(name = "Dashboard", description = "Settings the browser dashboard starts from")
public class DashboardConfigResource {

    /** What the browser needs to log in and connect. */
    public record DashboardConfig(String issuer, String clientId, String gatewayUrl) {
    }

    private final StagewireConfig.Dashboard settings;

    DashboardConfigResource(StagewireConfig config) {
        this.settings = config.dashboard();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSets({}) // public: security [] in the OpenAPI document
    @Operation(operationId = "getDashboardConfig", summary = "The dashboard's OIDC issuer, client id and gateway URL (no token needed)")
    public Response config() {
        CacheControl noCache = new CacheControl();
        noCache.setNoCache(true);
        return Response.ok(new DashboardConfig(settings.issuer(), settings.clientId(), settings.gatewayUrl())).cacheControl(noCache).build();
    }
}
