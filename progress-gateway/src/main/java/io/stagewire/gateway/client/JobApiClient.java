package io.stagewire.gateway.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * job-api, the source of truth for jobs (docs/decisions.md). Every call carries the subscriber's
 * own bearer token, so job-api decides what the subscriber may see. Bodies are passed through as
 * JSON: the gateway reads a few fields and hands the rest to the client unchanged.
 */
@RegisterRestClient(configKey = "job-api")
@Path("/api/jobs")
public interface JobApiClient {

    /** 200 with the job ({@code id, userId, status, stage, progress, position, ...}), or 404 when not the caller's. */
    @GET
    @Path("/{id}")
    Uni<ObjectNode> job(@HeaderParam("Authorization") String authorization, @PathParam("id") String jobId);

    /** One page of the jobs of {@code userId} with that status that the caller may see: {@code {"items":[job, ...]}}. */
    @GET
    Uni<ObjectNode> jobs(@HeaderParam("Authorization") String authorization, @QueryParam("status") String status,
                         @QueryParam("userId") String userId, @QueryParam("page") int page, @QueryParam("size") int size);

    /** A job's durable history after a position: {@code {"items":[{id,type,jobId,userId,source,time,position,data}]}}. */
    @GET
    @Path("/{id}/events")
    Uni<ObjectNode> events(@HeaderParam("Authorization") String authorization, @PathParam("id") String jobId,
                           @QueryParam("after") String after, @QueryParam("limit") int limit);
}
