package io.stagewire.crawler.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.stagewire.crawler.testing.TestSites;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.Topics;
import io.stagewire.events.work.CrawlRequest;
import io.stagewire.events.work.CrawlerConfig;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.events.work.WorkMessages;
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
 * The crawl.requests handler alone, on the in-memory connector (issue 14, item 7): a request in, the crawl's events
 * and one OCR request per screenshot out, the screenshots stored; a record that is not a request is refused with the
 * dead letter's reason. The Kafka wiring is CrawlRequestPipelineTest's and SigtermHandoffIT's.
 */
@QuarkusTest
@TestProfile(InMemoryMessaging.Profile.class)
@WithTestResource(TestSites.class)
class CrawlRequestHandlerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String USER = "crawl-handler-user";

    @Inject
    @Any
    InMemoryConnector connector;
    @Inject
    DataSource dataSource;

    private InMemorySource<Message<ConsumerRecord<String, byte[]>>> requests;
    private InMemorySink<byte[]> events;
    private InMemorySink<byte[]> ocrWork;
    private SharedDataFixtures jobs;

    @BeforeEach
    void channels() {
        requests = connector.source("crawl-requests");
        events = connector.sink("job-events");
        ocrWork = connector.sink("ocr-requests");
        events.clear();
        ocrWork.clear();
        jobs = new SharedDataFixtures(dataSource);
    }

    @Test
    void aCrawlAnnouncesEachStoredScreenshotAndAsksForItsOcr() {
        String jobId = jobs.job(USER, "crawling", "crawling");
        CrawlRequest request = new CrawlRequest(UUID.randomUUID().toString(), jobId, USER, TestSites.DEMO_SHOP + "/",
                "default", null, new CrawlerConfig(2, null));

        assertThat(HandlerProbe.send(requests, Topics.CRAWL_REQUESTS,
                WorkMessages.toJson(request))).succeedsWithin(WAIT).isNull();

        List<StageEvent> sent = events.received().stream().map(HandlerProbe::event).toList();
        assertThat(sent).extracting(StageEvent::type).containsExactly(EventType.CRAWL_STARTED,
                EventType.SCREENSHOT_CAPTURED, EventType.SCREENSHOT_CAPTURED, EventType.CRAWL_COMPLETED);
        assertThat(sent.getLast().field("count").asInt()).isEqualTo(2);
        List<OcrRequest> ocr = ocrWork.received().stream()
                .map(m -> WorkMessages.read(m.getPayload(), OcrRequest.class)).toList();
        assertThat(ocr).extracting(OcrRequest::screenshotId)
                .containsExactly(sent.get(1).field("screenshotId").asText(), sent.get(2).field("screenshotId").asText());
        assertThat(jobs.files(jobId)).extracting(SharedDataFixtures.StoredFile::id)
                .containsExactlyInAnyOrderElementsOf(ocr.stream().map(OcrRequest::fileId).toList());
    }

    @Test
    void aRecordThatIsNotACrawlRequestIsRefusedWithTheReasonAndNothingIsSent() {
        CompletableFuture<Throwable> outcome = HandlerProbe.send(requests, Topics.CRAWL_REQUESTS,
                "\"crawl\"".getBytes(StandardCharsets.UTF_8));

        assertThat(HandlerProbe.refusal(outcome, WAIT)).anySatisfy(message -> assertThat(message).startsWith("not a CrawlRequest"));
        assertThat(events.received()).isEmpty();
        assertThat(ocrWork.received()).isEmpty();
    }
}
