package io.stagewire.events.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stagewire.events.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class WorkMessagesTest {

    @Test
    void crawlRequestIsKeyedByJobAndRoundTrips() {
        CrawlRequest sent = new CrawlRequest("r1", "job-1", "bob", "https://shop.example/", "default", null,
                new CrawlerConfig(25, null));

        ProducerRecord<String, byte[]> record = WorkMessages.toRecord(sent);

        assertThat(record.topic()).isEqualTo(Topics.CRAWL_REQUESTS);
        assertThat(record.key()).isEqualTo("job-1");
        assertThat(new String(record.headers().lastHeader(WorkMessages.TYPE_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("CrawlRequest");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("topic").doesNotContain("\"key\"");
        assertThat(WorkMessages.read(record.value(), CrawlRequest.class)).isEqualTo(sent);
    }

    @Test
    void labelRequestKeepsThePriceScale() {
        LabelRequest sent = new LabelRequest("r2", "job-1", "bob", "s-1", "default", "pl-1", "A-100", "Tea",
                new BigDecimal("19.90"), "EUR", null);

        String json = new String(WorkMessages.toJson(sent), StandardCharsets.UTF_8);

        assertThat(json).contains("\"price\":19.90");
        assertThat(WorkMessages.read(json.getBytes(StandardCharsets.UTF_8), LabelRequest.class).price()).isEqualTo("19.90");
    }

    @Test
    void ocrRequestCarriesThePagesEvidenceAndReadsWithoutIt() {
        OcrRequest sent = new OcrRequest("r3", "job-1", "bob", "s-1", "f-1", "default", null, false,
                new PageEvidence("json-ld", "Tea", "97.26", "EUR", "ART-77318", "4006381333931"));

        assertThat(WorkMessages.read(WorkMessages.toJson(sent), OcrRequest.class)).isEqualTo(sent);

        byte[] older = "{\"requestId\":\"r\",\"jobId\":\"j\",\"userId\":\"u\",\"screenshotId\":\"s\",\"fileId\":\"f\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(WorkMessages.read(older, OcrRequest.class).evidence()).isNull();
    }

    @Test
    void pageEvidenceIsCutAndBlankIsAbsent() {
        PageEvidence evidence = new PageEvidence("meta", " ", "x".repeat(500), null, "  SKU-1 ", null);

        assertThat(evidence.name()).isNull();
        assertThat(evidence.price()).hasSize(PageEvidence.MAX_CHARS);
        assertThat(evidence.sku()).isEqualTo("SKU-1");
        assertThat(new PageEvidence("meta", null, null, null, null, null).isEmpty()).isTrue();
    }

    @Test
    void unknownFieldsAreIgnoredAndMissingIdsRejected() {
        byte[] newer = "{\"requestId\":\"r\",\"jobId\":\"j\",\"userId\":\"u\",\"screenshotId\":\"s\",\"fileId\":\"f\",\"ocrOnly\":true,\"later\":1}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(WorkMessages.read(newer, OcrRequest.class).ocrOnly()).isTrue();

        byte[] noJob = "{\"requestId\":\"r\",\"userId\":\"u\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WorkMessages.read(noJob, OcrRequest.class)).hasMessageContaining("jobId");
        assertThatThrownBy(() -> WorkMessages.read("nope".getBytes(StandardCharsets.UTF_8), OcrRequest.class))
                .hasMessageStartingWith("not a OcrRequest");
    }
}
