package io.stagewire.jobapi.service;

import java.math.BigDecimal;

/**
 * What the job's owner sets for one item in review: the article number of the price-list row they chose (or, without
 * a price list, the article number the label shows), the price the shop really shows, or both. Null leaves the
 * reading as it is.
 */
public record ItemCorrection(String articleNumber, BigDecimal price) {
}
