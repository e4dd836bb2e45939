package io.stagewire.jobapi.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stagewire.jobapi.service.FieldError;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every error response
 * ({@code application/problem+json}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "URI naming the kind of problem", examples = "https://stagewire.io/problems/validation") String type,
        @Schema(description = "Short summary of the kind of problem") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "What went wrong this time") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "Per-field problems of a request that failed validation") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://stagewire.io/problems/";
}
