package io.stagewire.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagewire.events.work.LabelRequest;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.events.work.WorkMessages;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The checks every work request gets before a worker touches it, and the dead-letter reason of each refusal. */
class WorkRequestDecoderTest {

    @Test
    void readsAValidRequestWhatEverVersionSentIt() {
        LabelRequest sent = new LabelRequest("r1", "job-1", "u1", "s1", "default", null, "A-1", "Tee", new BigDecimal("4.99"),
                "EUR", null, new BigDecimal("5.99"));

        assertThat(WorkRequestDecoder.decode(WorkMessages.toJson(sent), LabelRequest.class)).isEqualTo(sent);
        // An older sender knows no previousPrice; a newer one may add fields this version does not know.
        byte[] older = """
                {"requestId": "r1", "jobId": "job-1", "userId": "u1", "screenshotId": "s1", "templateId": "default",
                 "articleNumber": "A-1", "price": 4.99, "currency": "EUR", "addedLater": {"x": 1}}"""
                .getBytes(StandardCharsets.UTF_8);
        assertThat(WorkRequestDecoder.decode(older, LabelRequest.class).previousPrice()).isNull();
    }

    @Test
    void refusesWhatNoStageEventCouldAnswerWithTheReason() {
        assertReason(null, "the record has no value");
        assertReason("[1, 2]", "not a");
        assertReason(ocr("job 1", "r1", "u1"), "jobId 'job 1' is not 1-128 of A-Za-z0-9._:-");
        assertReason(ocr("job-1", "", "u1"), "OcrRequest needs requestId of 1-128 characters");
        assertReason(ocr("job-1", "r".repeat(129), "u1"), "OcrRequest needs requestId of 1-128 characters");
        assertReason(ocr("job-1", "r1", " "), "OcrRequest needs userId of 1-256 characters");
        assertReason(ocr("job-1", "r1", "u".repeat(257)), "OcrRequest needs userId of 1-256 characters");
    }

    @Test
    void aWorkersOwnFieldIsCheckedWithTheSameWords() {
        assertThatThrownBy(() -> WorkRequestDecoder.requireText(OcrRequest.class, "fileId", null, 128))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OcrRequest needs fileId of 1-128 characters");
        WorkRequestDecoder.requireText(OcrRequest.class, "fileId", "f".repeat(128), 128);
    }

    private static String ocr(String jobId, String requestId, String userId) {
        return new String(WorkMessages.toJson(new OcrRequest(requestId, jobId, userId, "s1", "f1", "default", null, false, null)),
                StandardCharsets.UTF_8);
    }

    private static void assertReason(String value, String reason) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WorkRequestDecoder.decode(bytes, OcrRequest.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
