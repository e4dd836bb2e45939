package io.stagewire.events.work;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the job's owner set in review for one item (issue 15, item 5): the price-list row's article number they picked
 * or typed, and/or the price the shop really shows. A {@link LabelRequest} carrying one is matched exactly on this
 * article number (no OCR tolerance: the user has decided) and reported as {@code matchedBy: "manual"}; the OCR
 * reading in the request stays what was read, for the record.
 *
 * @param articleNumber null: the article number read stands
 * @param price null: the price read stands
 * @param userId who corrected it (the job's owner or an admin)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Correction(String articleNumber, BigDecimal price, String userId) {
}
