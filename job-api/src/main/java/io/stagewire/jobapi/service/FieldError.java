package io.stagewire.jobapi.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field (or spreadsheet row) of a request and why; listed in the problem response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(
        @Schema(description = "Field path, e.g. crawlerConfig.maxProducts") String field,
        @Schema(description = "Spreadsheet row (1-based) for price-list uploads") Integer row,
        @Schema(description = "Why it is invalid") String message) {

    public static FieldError field(String field, String message) {
        return new FieldError(field, null, message);
    }
}
