package io.stagewire.ocr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.Topics;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.ocr.DemoShopScreenshots;
import io.stagewire.ocr.DemoShopScreenshots.Screenshot;
import io.stagewire.testing.SharedDataFixtures;
import io.stagewire.worker.testing.HandlerProbe;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ocr.requests handler alone, on the in-memory connector (issue 14, item 7): a request in, its events and its
 * label request out; a missing screenshot ends the item with ocr:failed and no label work; a record that is not a
 * request is refused with the dead letter's reason. The Kafka wiring is OcrRequestPipelineTest's and SigtermHandoffIT's.
 */
@QuarkusTest
@TestProfile(InMemoryMessaging.Profile.class)
class OcrRequestHandlerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String USER = "ocr-handler-user";
    private static final Screenshot SPEAKER = DemoShopScreenshots.bySlug("bluetooth-speaker-mini");

    @Inject
    @Any
    InMemoryConnector connector;
    @Inject
    DataSource dataSource;

    private InMemorySource<Message<ConsumerRecord<String, byte[]>>> requests;
    private InMemorySink<byte[]> events;
    private InMemorySink<byte[]> labelWork;
    private SharedDataFixtures jobs;

    @BeforeEach
    void channels() {
        requests = connector.source("ocr-requests");
        events = connector.sink("job-events");
        labelWork = connector.sink("label-requests");
        events.clear();
        labelWork.clear();
        jobs = new SharedDataFixtures(dataSource);
    }

    @Test
    void aScreenshotIsReadAndItsLabelIsAskedFor() {
        String jobId = jobs.job(USER, "processing", "ocr");
        OcrRequest request = request(jobId, jobs.screenshot(USER, jobId, SPEAKER.png()));

        assertThat(HandlerProbe.send(requests, Topics.OCR_REQUESTS,
                WorkMessages.toJson(request))).succeedsWithin(WAIT).isNull();

        assertThat(events.received()).map(HandlerProbe::event).extracting(StageEvent::type)
                .containsExactly(EventType.OCR_STARTED, EventType.OCR_COMPLETED);
        StageEvent completed = HandlerProbe.event(events.received().get(1));
        assertThat(completed.field("articleNumber").asText()).isEqualTo(SPEAKER.article());
        assertThat(completed.field("price").decimalValue()).isEqualByComparingTo(SPEAKER.price());
        assertThat(labelWork.received()).hasSize(1);
        LabelRequest label = WorkMessages.read(labelWork.received().get(0).getPayload(), LabelRequest.class);
        assertThat(label.screenshotId()).isEqualTo(request.screenshotId());
        assertThat(label.articleNumber()).isEqualTo(SPEAKER.article());
        assertThat(label.price()).isEqualByComparingTo(SPEAKER.price());
    }

    @Test
    void aMissingScreenshotEndsTheItemAsFailedWithoutLabelWork() {
        String jobId = jobs.job(USER, "processing", "ocr");

        assertThat(HandlerProbe.send(requests, Topics.OCR_REQUESTS,
                WorkMessages.toJson(request(jobId, "no-such-file")))).succeedsWithin(WAIT).isNull();

        List<StageEvent> sent = events.received().stream().map(HandlerProbe::event).toList();
        assertThat(sent).extracting(StageEvent::type).containsExactly(EventType.OCR_STARTED, EventType.OCR_FAILED);
        assertThat(sent.get(1).field("reason").asText()).isEqualTo("no screenshot file no-such-file of the job's owner");
        assertThat(labelWork.received()).isEmpty();
    }

    @Test
    void aRecordThatIsNotAnOcrRequestIsRefusedWithTheReasonAndNothingIsSent() {
        CompletableFuture<Throwable> outcome = HandlerProbe.send(requests, Topics.OCR_REQUESTS,
                "[]".getBytes(StandardCharsets.UTF_8));

        assertThat(HandlerProbe.refusal(outcome, WAIT)).anySatisfy(message -> assertThat(message).startsWith("not a OcrRequest"));
        assertThat(events.received()).isEmpty();
        assertThat(labelWork.received()).isEmpty();
    }

    private static OcrRequest request(String jobId, String fileId) {
        return new OcrRequest(UUID.randomUUID().toString(), jobId, USER, "screenshot-" + UUID.randomUUID(), fileId,
                "default", "demo-prices", false);
    }
}
