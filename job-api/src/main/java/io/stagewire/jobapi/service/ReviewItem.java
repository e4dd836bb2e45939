package io.stagewire.jobapi.service;

import io.stagewire.jobapi.persistence.Label;
import io.stagewire.jobapi.persistence.Match;
import io.stagewire.jobapi.persistence.OcrResult;
import io.stagewire.jobapi.persistence.Screenshot;
import java.util.List;

/**
 * One item a person should look at before its label is trusted, with everything known about it.
 *
 * @param screenshot null when the screenshot's event has not been recorded (another system's job)
 * @param match null while matching has not answered
 * @param label null when no label was attempted
 * @param needs why it is listed, most pressing first: {@value ItemReview#AMBIGUOUS}, {@value ItemReview#UNMATCHED},
 *        {@value ItemReview#NO_ARTICLE_NUMBER}, {@value ItemReview#LABEL_FAILED}, {@value ItemReview#DISAGREEMENT}
 */
public record ReviewItem(Screenshot screenshot, OcrResult reading, Match match, Label label, List<String> needs) {
}
