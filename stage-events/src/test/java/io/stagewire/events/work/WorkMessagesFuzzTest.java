package io.stagewire.events.work;

import net.jqwik.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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
        try {
            WorkMessage message = WorkMessages.read(value, type);
            assertThat(message.requestId()).isNotNull();
            assertThat(message.jobId()).isNotNull();
            assertThat(message.userId()).isNotNull();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
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
        return Arbitraries.oneOf(object.map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(256),
                Arbitraries.of("null", "[]", "\"text\"", "").map(s -> s.getBytes(StandardCharsets.UTF_8)));
    }
}
