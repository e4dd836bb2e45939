package io.stagewire.jobapi.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is, as the services see them: the dashboard shows it, scripts check their token with it. */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    /** The caller: OIDC subject, user name and roles. */
    public record Me(String sub, String username, Set<String> roles) {
    }

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    MeResource(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    @GET
    @Operation(operationId = "getMe", summary = "The caller: OIDC subject, user name and roles")
    @Tag(name = "Me", description = "Who the token says the caller is")
    public Me me() {
        return new Me(token.getSubject(), token.getClaim("preferred_username"), new TreeSet<>(identity.getRoles()));
    }
}
