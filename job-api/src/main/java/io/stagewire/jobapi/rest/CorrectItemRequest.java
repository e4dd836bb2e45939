package io.stagewire.jobapi.rest;

import io.stagewire.jobapi.service.ItemCorrection;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/jobs/{id}/review/{screenshotId}: at least one of the two. */
@Schema(name = "CorrectItem")
public record CorrectItemRequest(
        @Size(min = 1, max = 128)
        @Schema(description = "With a price list: the article number of the row to use (matched exactly, case and white space"
                + " ignored); without one: the article number the label shows", examples = "ART-10234")
        String articleNumber,
        @DecimalMin(value = "0.01") @DecimalMax(value = "99999999.99") @Digits(integer = 8, fraction = 2)
        @Schema(description = "The price the shop shows; printed when the job has no price list", examples = "19.99")
        BigDecimal price) {

    ItemCorrection toCorrection() {
        return new ItemCorrection(articleNumber, price);
    }
}
