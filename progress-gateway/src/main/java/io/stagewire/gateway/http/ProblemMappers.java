package io.stagewire.gateway.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The SSE endpoints' refusals (400, 403, 503) as problem+json with the precise reason, as job-api's. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response refused(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        String type = switch (status) {
            case 400 -> "bad-request";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 406 -> "not-acceptable";
            case 429 -> "too-many-connections";
            case 503 -> "unavailable";
            default -> "http-" + status;
        };
        Response.ResponseBuilder answer = Response.status(status)
                .type(Problems.MEDIA_TYPE)
                .entity(Problems.json(type, original.getStatusInfo().getReasonPhrase(), status, e.getMessage(), uri.getPath()));
        String retryAfter = original.getHeaderString(HttpHeaders.RETRY_AFTER);
        if (retryAfter != null) {
            answer.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return answer.build();
    }
}
