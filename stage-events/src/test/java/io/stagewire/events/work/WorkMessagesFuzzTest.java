package io.stagewire.events.work;

import net.jqwik.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.stagewire.events.StageEventCodec;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Work messages as a broken or hostile producer could write them (jqwik): reading one either gives a message with
 * its ids or fails with IllegalArgumentException and a reason — the only failure the workers' consumers turn into
 * a dead letter — never anything else (a NullPointerException would stop a consumer instead).
 */
@Tag("attack")
class WorkMessagesFuzzTest {

    @Property(tries = 3000)
    void anyValueReadsOrIsRejectedWithAReason(@ForAll("values") byte[] value,
            @ForAll("types") Class<? extends WorkMessage> type) {
        boolean oversized = value.length > StageEventCodec.MAX_RECORD_BYTES;
        try {
            WorkMessage message = WorkMessages.read(value, type);
            assertThat(oversized).as("a value of %d bytes was read", value.length).isFalse();
            assertThat(message.requestId()).isNotNull();
            assertThat(message.jobId()).isNotNull();
            assertThat(message.userId()).isNotNull();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            if (oversized) {
                assertThat(e.getMessage()).contains("bytes, the limit is " + StageEventCodec.MAX_RECORD_BYTES);
            }
        }
    }

    @Example
    void nestingPastAThousandLevelsIsRefusedNamingTheDepth() {
        byte[] deep = ("{\"requestId\":\"r\",\"jobId\":\"j\",\"userId\":\"u\",\"other\":" + "[".repeat(1_001)
                + "]".repeat(1_001) + "}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WorkMessages.read(deep, CrawlRequest.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a CrawlRequest").hasMessageContaining("nesting depth");
    }

    @Provide
    Arbitrary<Class<? extends WorkMessage>> types() {
        return Arbitraries.of(CrawlRequest.class, OcrRequest.class, LabelRequest.class);
    }

    @Provide
    Arbitrary<byte[]> values() {
        Arbitrary<String> field = Arbitraries.of("requestId", "jobId", "userId", "screenshotId", "fileId", "shopUrl",
                "templateId", "priceListId", "ocrOnly", "crawlerConfig", "evidence", "price", "articleNumber",
                "maxProducts", "other");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(20).map(s -> "\"" + s + "\""),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("true", "null", "{}", "[]", "{\"maxProducts\": -1}", "{\"source\": 1}", "1e400",
                        "\"\\u0000\"", "{", "\"x"));
        Arbitrary<String> object = Combinators.combine(field, value).as((k, v) -> "\"" + k + "\":" + v)
                .list().ofMaxSize(12).map(fields -> "{" + String.join(",", fields) + "}");
        // Past the size limit (a valid message padded with a long field) and past Jackson's nesting limit.
        Arbitrary<String> oversized = Arbitraries.integers().between(1, 64).map(k -> "{\"requestId\":\"r\",\"jobId\":\"j\","
                + "\"userId\":\"u\",\"other\":\"" + "x".repeat(StageEventCodec.MAX_RECORD_BYTES + k) + "\"}");
        Arbitrary<String> deep = Arbitraries.integers().between(1_001, 5_000).flatMap(depth -> Arbitraries.of(
                "{\"crawlerConfig\":" + "[".repeat(depth) + "]".repeat(depth) + "}",
                "{\"evidence\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}"));
        return Arbitraries.oneOf(object.map(s -> s.getBytes(StandardCharsets.UTF_8)),
                oversized.map(s -> s.getBytes(StandardCharsets.UTF_8)),
                deep.map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(256),
                Arbitraries.of("null", "[]", "\"text\"", "").map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }
}
