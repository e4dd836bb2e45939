package io.stagewire.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class StageEventCodecTest {

    private static final String JOB = "3f0c2a8e-1b7d-4c1e-9a55-0d4b7f3e2a10";

    private static StageEvent progress(Object value) {
        ObjectNode data = StageEventJson.object();
        data.set("progress", StageEventJson.mapper().valueToTree(value));
        return new StageEvent("ev-1", EventType.JOB_PROGRESS, "/stagewire/test", JOB, "user-1",
                OffsetDateTime.parse("2026-11-22T10:15:30.123Z"), data);
    }

    private static Headers binaryHeaders(String type, String subject, String userId) {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        h.add("ce_id", "ev-9".getBytes(StandardCharsets.UTF_8));
        h.add("ce_source", "/other/system".getBytes(StandardCharsets.UTF_8));
        if (type != null) {
            h.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        if (subject != null) {
            h.add("ce_subject", subject.getBytes(StandardCharsets.UTF_8));
        }
        if (userId != null) {
            h.add("ce_userid", userId.getBytes(StandardCharsets.UTF_8));
        }
        h.add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return h;
    }

    private static String reasonOf(Decoded decoded) {
        assertThat(decoded).isInstanceOf(Decoded.Invalid.class);
        return ((Decoded.Invalid) decoded).reason();
    }

    /** Decodes a binary-mode record keyed by {@link #JOB} and returns the rejection reason. */
    private static String rejectionOf(String type, String subject, String userId, String value) {
        return reasonOf(StageEventCodec.decode(JOB, binaryHeaders(type, subject, userId), utf8(value), 0L));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void binaryModeRoundTripKeepsEveryAttributeAndTheDataExactly() {
        StageEvent event = progress(new java.math.BigDecimal("42.50"));
        ProducerRecord<String, byte[]> record = StageEventCodec.toRecord(Topics.JOB_EVENTS, event);

        assertThat(record.key()).isEqualTo(JOB);
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"progress\":42.50}");
        Decoded decoded = StageEventCodec.decode(record.key(), record.headers(), record.value(), 0L);

        assertThat(decoded).isEqualTo(new Decoded.Valid(event));
    }

    @Test
    void structuredModeIsAccepted() {
        StageEvent event = progress(7);
        byte[] json = StageEventCodec.toStructuredJson(event);
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", utf8("application/cloudevents+json"));

        Decoded decoded = StageEventCodec.decode(JOB, headers, json, 0L);

        assertThat(decoded).isInstanceOf(Decoded.Valid.class);
        StageEvent back = ((Decoded.Valid) decoded).event();
        assertThat(back.id()).isEqualTo("ev-1");
        assertThat(back.userId()).isEqualTo("user-1");
        assertThat(back.field("progress").asInt()).isEqualTo(7);
        assertThat(back.time().toInstant()).isEqualTo(event.time().toInstant());
    }

    @Test
    void structuredModeThatIsNotJsonIsRejected() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", utf8("application/cloudevents+json"));

        String reason = reasonOf(StageEventCodec.decode(JOB, headers, utf8("{not json"), 0L));

        assertThat(reason).startsWith("not a CloudEvent");
    }

    @Test
    void recordWithoutCloudEventsHeadersIsRejected() {
        String reason = reasonOf(StageEventCodec.decode(JOB, new RecordHeaders(), utf8("{\"progress\":1}"), 0L));

        assertThat(reason).startsWith("not a CloudEvent");
    }

    @Test
    void binaryDataThatIsNotJsonIsRejected() {
        String reason = rejectionOf("job:progress", JOB, "u", "progress=5");

        assertThat(reason).startsWith("data is not JSON");
    }

    @Test
    void missingSubjectIsRejectedNamingTheAttribute() {
        String reason = rejectionOf("job:progress", null, "u", "{\"progress\":1}");

        assertThat(reason).startsWith("invalid envelope").contains("subject");
    }

    @Test
    void missingUserIdIsRejectedNamingTheAttribute() {
        String reason = rejectionOf("job:progress", JOB, null, "{\"progress\":1}");

        assertThat(reason).startsWith("invalid envelope").contains("userid");
    }

    @Test
    void badJobIdIsRejected() {
        String badId = "job with spaces";
        String reason = reasonOf(StageEventCodec.decode(badId, binaryHeaders("job:progress", badId, "u"),
                utf8("{\"progress\":1}"), 0L));

        assertThat(reason).startsWith("invalid envelope").contains("subject");
    }

    @Test
    void unknownTypeIsRejectedNamingTheType() {
        String reason = rejectionOf("job:exploded", JOB, "u", "{}");

        assertThat(reason).startsWith("invalid envelope").contains("type");
    }

    @Test
    void wrongDataShapeIsRejectedNamingTheField() {
        String reason = rejectionOf("job:progress", JOB, "u", "{\"progress\":\"half\"}");

        assertThat(reason).startsWith("invalid data for job:progress").contains("progress");
    }

    @Test
    void missingRequiredDataFieldIsRejected() {
        String reason = rejectionOf("job:failed", JOB, "u", "{}");

        assertThat(reason).contains("reason");
    }

    @Test
    void everyViolationIsNamedNotJustTheFirst() {
        // Validation answers yes/no first (fail-fast); a rejection is then described in full.
        String reason = rejectionOf("job:progress", JOB, "u", "{\"progress\":140,\"stage\":7}");

        assertThat(reason).startsWith("invalid data for job:progress").contains("progress").contains("100").contains("stage");
        assertThat(reason.split("; ")).hasSize(2);
    }

    @Test
    void progressOutOfRangeIsRejected() {
        String reason = rejectionOf("job:progress", JOB, "u", "{\"progress\":140}");

        assertThat(reason).contains("progress").contains("100");
    }

    @Test
    void dataThatIsNotAnObjectIsRejected() {
        String reason = rejectionOf("job:progress", JOB, "u", "[1,2]");

        assertThat(reason).contains("data");
    }

    @Test
    void oversizeRecordIsRejectedBeforeParsing() {
        byte[] big = new byte[StageEventCodec.MAX_RECORD_BYTES + 1];

        String reason = reasonOf(StageEventCodec.decode(JOB, binaryHeaders("job:progress", JOB, "u"), big, 0L));

        assertThat(reason).contains("limit is " + StageEventCodec.MAX_RECORD_BYTES);
    }

    @Test
    void recordKeyMustBeTheJobId() {
        String reason = reasonOf(StageEventCodec.decode("other-key", binaryHeaders("job:progress", JOB, "u"),
                utf8("{\"progress\":1}"), 0L));

        assertThat(reason).contains("keyed by the job id");
        assertThat(reasonOf(StageEventCodec.decode(null, binaryHeaders("job:progress", JOB, "u"),
                utf8("{\"progress\":1}"), 0L))).contains("key is missing");
    }

    @Test
    void wrongContentTypeIsRejected() {
        Headers headers = binaryHeaders("job:progress", JOB, "u");
        headers.remove("content-type");
        headers.add("content-type", utf8("text/plain"));

        String reason = reasonOf(StageEventCodec.decode(JOB, headers, utf8("{\"progress\":1}"), 0L));

        assertThat(reason).contains("text/plain");
    }

    @Test
    void eventWithoutTimeTakesTheRecordTimestamp() {
        long ts = Instant.parse("2026-01-02T03:04:05Z").toEpochMilli();

        Decoded decoded = StageEventCodec.decode(JOB, binaryHeaders("job:progress", JOB, "u"),
                utf8("{\"progress\":1}"), ts);

        assertThat(((Decoded.Valid) decoded).event().time())
                .isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
    }

    @Test
    void producingAnInvalidEventFailsFast() {
        assertThatThrownBy(() -> StageEventCodec.toRecord(Topics.JOB_EVENTS, progress("half")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("progress");
    }

    @Test
    void everyTypeHasASchemaAndTheCompletedSummaryIsEnforced() {
        ObjectNode summary = StageEventJson.object();
        summary.put("totalProducts", 3).put("successfulOCR", 3).put("failedOCR", 0).put("matched", 2)
                .put("unmatched", 1).put("labelsGenerated", 2).put("totalProcessingTime", 1234);
        summary.putObject("stageDurations").put("crawl", 400);
        StageEvent completed = StageEvent.of(EventType.JOB_COMPLETED, "/t", JOB, "u", summary);
        assertThat(StageEventCodec.toRecord(Topics.JOB_EVENTS, completed)).isNotNull();

        summary.remove("matched");
        assertThatThrownBy(() -> StageEventCodec.toRecord(Topics.JOB_EVENTS, completed))
                .hasMessageContaining("matched");
    }
}
