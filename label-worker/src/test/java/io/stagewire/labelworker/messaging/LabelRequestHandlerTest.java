package io.stagewire.labelworker.messaging;

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
import io.stagewire.events.work.WorkMessages;
import io.stagewire.testing.SharedDataFixtures;
import io.stagewire.worker.testing.HandlerProbe;
import io.stagewire.testing.SharedDataFixtures.PriceRow;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.math.BigDecimal;
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
 * The label.requests handler alone, on the in-memory connector (issue 14, item 7): a request in, its events out, in
 * order; a record that is not a request is refused (nacked with the reason the dead letter would carry) and nothing
 * is sent. The Kafka wiring itself (dead-letter topic, commits, hand-off on SIGTERM) is LabelRequestsTest's and
 * SigtermHandoffIT's.
 */
@QuarkusTest
@TestProfile(InMemoryMessaging.Profile.class)
class LabelRequestHandlerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    @Any
    InMemoryConnector connector;
    @Inject
    DataSource dataSource;

    private InMemorySource<Message<ConsumerRecord<String, byte[]>>> requests;
    private InMemorySink<byte[]> events;
    private SharedDataFixtures data;
    private final String userId = "user-" + UUID.randomUUID();
    private String jobId;

    @BeforeEach
    void newJob() {
        requests = connector.source("label-requests");
        events = connector.sink("job-events");
        events.clear();
        data = new SharedDataFixtures(dataSource);
        jobId = data.job(userId, "matching", "matching");
    }

    @Test
    void aMatchedRequestAnswersMatchFoundThenLabelGeneratedWithTheFilesStored() {
        String priceList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher", "19.99", null));
        LabelRequest request = new LabelRequest(UUID.randomUUID().toString(), jobId, userId, UUID.randomUUID().toString(),
                "default", priceList, "ART-10234", "Wasserkocher", new BigDecimal("19.99"), "EUR", null);

        CompletableFuture<Throwable> outcome = HandlerProbe.send(requests, Topics.LABEL_REQUESTS,
                WorkMessages.toJson(request));

        // The handler sends its events before it acknowledges the record.
        assertThat(outcome).succeedsWithin(WAIT).isNull();
        List<StageEvent> sent = events.received().stream().map(HandlerProbe::event).toList();
        assertThat(sent).extracting(StageEvent::type).containsExactly(EventType.MATCH_FOUND, EventType.LABEL_GENERATED);
        assertThat(sent).allSatisfy(e -> assertThat(e.jobId()).isEqualTo(jobId));
        assertThat(sent.get(0).field("matchedBy").asText()).isEqualTo("exact");
        assertThat(data.files(jobId)).extracting(SharedDataFixtures.StoredFile::kind).containsExactly("label-pdf", "label-png");
    }

    @Test
    void aRecordThatIsNotALabelRequestIsRefusedWithTheReasonAndNothingIsSent() {
        CompletableFuture<Throwable> outcome = HandlerProbe.send(requests, Topics.LABEL_REQUESTS,
                "{\"jobId\": ".getBytes(StandardCharsets.UTF_8));

        assertThat(HandlerProbe.refusal(outcome, WAIT)).anySatisfy(reason -> assertThat(reason).startsWith("not a LabelRequest"));
        assertThat(events.received()).isEmpty();
    }

    @Test
    void aRequestForSomeoneElsesJobIsRefusedAndNothingIsSentToThatJob() {
        LabelRequest forged = new LabelRequest(UUID.randomUUID().toString(), jobId, "mallory", UUID.randomUUID().toString(),
                "default", null, "ART-1", "x", new BigDecimal("1.00"), "EUR", null);

        CompletableFuture<Throwable> outcome = HandlerProbe.send(requests, Topics.LABEL_REQUESTS,
                WorkMessages.toJson(forged));

        assertThat(HandlerProbe.refusal(outcome, WAIT)).contains("userId 'mallory' is not the owner of job " + jobId);
        assertThat(events.received()).isEmpty();
    }
}
