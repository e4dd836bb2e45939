package io.stagewire.events;

import net.jqwik.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What other companies' systems can put on job.events, generated (jqwik): whatever the headers and bytes, decoding
 * never throws, a rejection says why in a bounded sentence, and what is accepted is a valid event that survives a
 * round trip unchanged. The consumers dead-letter an Invalid with its reason and go on, so this is what keeps one
 * bad record from stopping job-api or the gateway.
 */
@Tag("attack")
class StageEventCodecFuzzTest {

    private static final String JOB = "3f0c2a8e-1b7d-4c1e-9a55-0d4b7f3e2a10";
    private static final List<String> CE_HEADERS = List.of("ce_specversion", "ce_id", "ce_source", "ce_type",
            "ce_subject", "ce_time", "ce_userid", "content-type", "ce_datacontenttype", "ce_dataschema");

    @Property(tries = 3000)
    void anyBinaryModeRecordDecodesOrIsRejectedWithAReason(@ForAll("keys") String key, @ForAll("headers") Headers headers,
            @ForAll("values") byte[] value) {
        assertDecodesOrRejects(StageEventCodec.decode(key, headers, value, 0L));
    }

    @Property(tries = 3000)
    void anyStructuredModeRecordDecodesOrIsRejectedWithAReason(@ForAll("keys") String key,
            @ForAll("structured") String json) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", utf8("application/cloudevents+json"));
        assertDecodesOrRejects(StageEventCodec.decode(key, headers, utf8(json), 0L));
    }

    @Property(tries = 1000)
    void wellFormedEventsOfEveryTypeRoundTrip(@ForAll("events") StageEvent event) {
        Decoded decoded;
        try {
            decoded = StageEventCodec.decode(StageEventCodec.toRecord(Topics.JOB_EVENTS, event).key(),
                    StageEventCodec.toRecord(Topics.JOB_EVENTS, event).headers(),
                    StageEventCodec.toRecord(Topics.JOB_EVENTS, event).value(), 0L);
        } catch (IllegalArgumentException e) {
            // toRecord refuses what the schemas refuse; the generator makes some such data on purpose.
            assertThat(e.getMessage()).isNotBlank();
            Statistics.collect("refused by the schemas");
            return;
        } finally {
            // The property must not pass by refusing everything.
            Statistics.coverage(coverage -> coverage.check("round trip").percentage(p -> p > 10));
        }
        assertThat(decoded).isEqualTo(new Decoded.Valid(event));
        Statistics.collect("round trip");
    }

    private static void assertDecodesOrRejects(Decoded decoded) {
        if (decoded instanceof Decoded.Invalid invalid) {
            assertThat(invalid.reason()).isNotBlank().hasSizeLessThan(20_000);
        } else {
            StageEvent event = ((Decoded.Valid) decoded).event();
            assertThat(StageEventCodec.decode(StageEventCodec.toRecord(Topics.JOB_EVENTS, event).key(),
                    StageEventCodec.toRecord(Topics.JOB_EVENTS, event).headers(),
                    StageEventCodec.toRecord(Topics.JOB_EVENTS, event).value(), 0L)).isEqualTo(decoded);
        }
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.just(JOB), Arbitraries.just(null), Arbitraries.strings().ofMaxLength(80));
    }

    @Provide
    Arbitrary<Headers> headers() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(CE_HEADERS), Arbitraries.strings().ofMaxLength(20));
        Arbitrary<byte[]> headerValue = Arbitraries.oneOf(
                Arbitraries.of("1.0", "0.3", "ev-1", "/other/system", "job:progress", "job:created", "ocr:completed",
                        "no:such-type", JOB, "user-1", "application/json", "text/plain", "2026-11-22T10:15:30Z",
                        "not a time", "").map(StageEventCodecFuzzTest::utf8),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64));
        return Combinators.combine(name, headerValue).as(List::of).list().ofMaxSize(14).map(pairs -> {
            RecordHeaders headers = new RecordHeaders();
            pairs.forEach(pair -> headers.add((String) pair.get(0), (byte[]) pair.get(1)));
            return headers;
        });
    }

    @Provide
    Arbitrary<byte[]> values() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(512),
                jsonValues(3).map(StageEventCodecFuzzTest::utf8),
                Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> structured() {
        Arbitrary<String> field = Arbitraries.of("specversion", "id", "source", "type", "subject", "time", "userid",
                "datacontenttype", "data", "data_base64", "extra");
        return Combinators.combine(field, jsonValues(2)).as((k, v) -> "\"" + k + "\":" + v)
                .list().ofMaxSize(10).map(fields -> "{" + String.join(",", fields) + "}");
    }

    @Provide
    Arbitrary<StageEvent> events() {
        Arbitrary<EventType> type = Arbitraries.of(EventType.class);
        Arbitrary<String> id = Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> data = Arbitraries.oneOf(Arbitraries.just("{}"),
                Combinators.combine(Arbitraries.of("progress", "count", "reason", "screenshotId", "stage", "total"),
                        wellFormedScalars()).as((k, v) -> "{\"" + k + "\":" + v + "}"));
        return Combinators.combine(type, id, data).as((t, i, d) -> {
            try {
                return new StageEvent(i, t, "/fuzz/system", JOB, "user-1", OffsetDateTime.parse("2026-11-22T10:15:30Z"),
                        (com.fasterxml.jackson.databind.node.ObjectNode) StageEventJson.mapper().readTree(d));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Arbitrary<String> wellFormedScalars() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-5, 500).map(String::valueOf),
                Arbitraries.strings().alpha().numeric().ofMaxLength(30).map(s -> "\"" + s + "\""),
                Arbitraries.of("true", "false", "null", "12.50"));
    }

    /** JSON texts, mostly well formed, nested up to {@code depth}, with some broken ones. */
    private static Arbitrary<String> jsonValues(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.bigDecimals().ofScale(3).map(Object::toString),
                Arbitraries.strings().ofMaxLength(30).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.of("true", "false", "null", "1e999", "-0", "\"\\ud800\"", "{", "[1,", "\"unterminated"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array = jsonValues(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(12), jsonValues(depth - 1))
                .as((k, v) -> "\"" + k + "\":" + v).list().ofMaxSize(5).map(fields -> "{" + String.join(",", fields) + "}");
        return Arbitraries.oneOf(scalar, array, object);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
