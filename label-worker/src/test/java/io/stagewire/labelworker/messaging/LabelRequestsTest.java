package io.stagewire.labelworker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.events.DeadLetterHeaders;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.Topics;
import io.stagewire.events.work.Correction;
import io.stagewire.events.work.LabelRequest;
import com.fasterxml.jackson.databind.JsonNode;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.testing.SharedDataFixtures;
import io.stagewire.testing.SharedDataFixtures.PriceRow;
import io.stagewire.testing.SharedDataFixtures.StoredFile;
import io.stagewire.testing.StackUnderTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The worker against the real stack: requests produced to label.requests, answers read from
 * job.events, files from Postgres (stagewire_test). Every test uses its own job, user and ids.
 */
@QuarkusTest
class LabelRequestsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String EAN = "4006381333931";

    private static KafkaProducer<String, byte[]> producer;
    private static JobEventsTail events;

    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "mp.messaging.incoming.label-requests.group.id")
    String groupId;

    private SharedDataFixtures data;
    private final String userId = "user-" + UUID.randomUUID();
    private String jobId;

    @BeforeAll
    static void connect() {
        // A running stack's label-worker would take this test's requests too.
        StackUnderTest.requireNoServiceReading("label-worker", Topics.LABEL_REQUESTS);
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer = new KafkaProducer<>(config);
        events = new JobEventsTail();
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        events.close();
    }

    @BeforeEach
    void newJob() throws Exception {
        data = new SharedDataFixtures(dataSource);
        jobId = UUID.randomUUID().toString();
        data.job(jobId, userId, "matching", "matching");
        awaitPartitionsAssigned();
    }

    @Test
    void exactMatchStoresBothFilesBeforeLabelGeneratedAndThePngScansAsTheEan() throws Exception {
        String priceList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher Edelstahl 1,7 l", "19.99", EAN));

        send(request(priceList, "default", "ART-10234", "21.49"));

        List<StageEvent> answer = events.await(jobId, hasTypes(2), WAIT);
        assertThat(answer).extracting(StageEvent::type).containsExactly(EventType.MATCH_FOUND, EventType.LABEL_GENERATED);
        StageEvent match = answer.get(0);
        assertThat(match.source()).isEqualTo("/stagewire/label-worker");
        assertThat(match.userId()).isEqualTo(userId);
        assertThat(match.field("matchedBy").asText()).isEqualTo("exact");
        assertThat(match.field("articleNumber").asText()).isEqualTo("ART-10234");
        assertThat(match.field("listPrice").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(match.field("shopPrice").decimalValue()).isEqualByComparingTo("21.49");
        assertThat(match.field("priceDifference").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(match.field("currency").asText()).isEqualTo("EUR");
        assertThat(match.field("ean").asText()).isEqualTo(EAN);

        StageEvent label = answer.get(1);
        assertThat(label.field("barcodeFormat").asText()).isEqualTo("EAN_13");
        assertThat(label.field("screenshotId").asText()).isEqualTo(match.field("screenshotId").asText());
        List<StoredFile> files = data.files(jobId);
        assertThat(files).extracting(StoredFile::id)
                .containsExactly(label.field("pdfFileId").asText(), label.field("pngFileId").asText());
        assertThat(files).extracting(StoredFile::kind, StoredFile::contentType, StoredFile::fileName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("label-pdf", "application/pdf", "label-ART-10234.pdf"),
                org.assertj.core.groups.Tuple.tuple("label-png", "image/png", "label-ART-10234.png"));
        assertThat(files).allSatisfy(file -> assertThat(file.sizeBytes()).isEqualTo(file.data().length));
        assertThat(new String(files.get(0).data(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(scan(files.get(1).data())).isEqualTo(EAN);
    }

    @Test
    void anOcrConfusionStillFindsTheRowAndTheLabelCarriesTheListsArticleNumber() throws Exception {
        String priceList = data.priceList(userId, new PriceRow("ART-20518", "Teekanne Glas", "24.90", null));

        send(request(priceList, "default", "ART-2O5l8", "24.90"));

        List<StageEvent> answer = events.await(jobId, hasTypes(2), WAIT);
        assertThat(answer.get(0).field("matchedBy").asText()).isEqualTo("tolerant");
        assertThat(answer.get(0).field("articleNumber").asText()).isEqualTo("ART-20518");
        assertThat(answer.get(0).field("ocrArticleNumber").asText()).isEqualTo("ART-2O5l8");
        assertThat(answer.get(0).field("priceDifference").decimalValue()).isEqualByComparingTo("0");
        assertThat(answer.get(1).field("barcodeFormat").asText()).isEqualTo("CODE_128");
        assertThat(scan(data.files(jobId).get(1).data())).isEqualTo("ART-20518");
    }

    @Test
    void anArticleTheListLacksFailsTheMatchAndNothingFollows() {
        String priceList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher", "19.99", EAN));

        send(request(priceList, "default", "ART-99999", "5.00"));

        events.await(jobId, hasTypes(1), WAIT);
        List<StageEvent> answer = events.during(jobId, QUIET);
        assertThat(answer).extracting(StageEvent::type).containsExactly(EventType.MATCH_FAILED);
        assertThat(answer.get(0).field("reason").asText())
                .isEqualTo("no price-list row for article number 'ART-99999' among 1 rows");
        assertThat(answer.get(0).field("articleNumber").asText()).isEqualTo("ART-99999");
        assertThat(answer.get(0).field("failure").asText()).isEqualTo("no-row");
        assertThat(answer.get(0).data().has("candidates")).isFalse();
        assertThat(data.files(jobId)).isEmpty();
    }

    @Test
    void anUnconfirmedNeighbourIsForReviewWithTheRowAsCandidate() {
        String priceList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher", "19.99", EAN));

        send(request(priceList, "default", "ART-10334", "5.00"));

        List<StageEvent> answer = events.await(jobId, hasTypes(1), WAIT);
        assertThat(answer.get(0).type()).isEqualTo(EventType.MATCH_FAILED);
        assertThat(answer.get(0).field("failure").asText()).isEqualTo("ambiguous");
        JsonNode candidate = answer.get(0).field("candidates").get(0);
        assertThat(candidate.get("articleNumber").asText()).isEqualTo("ART-10234");
        assertThat(candidate.get("name").asText()).isEqualTo("Wasserkocher");
        assertThat(candidate.get("price").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(candidate.get("ean").asText()).isEqualTo(EAN);
        assertThat(answer.get(0).field("candidates").size()).isEqualTo(1);
    }

    @Test
    void aRowChosenInReviewIsMatchedManuallyWithTheCorrectedShopPriceAndLabelled() throws Exception {
        String priceList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher", "19.99", EAN),
                new PriceRow("NEW-55501", "Teekanne Glas", "24.90", null));

        send(new LabelRequest(UUID.randomUUID().toString(), jobId, userId, UUID.randomUUID().toString(), "default",
                priceList, "ART-55501", "Teekanne", new BigDecimal("2.49"), "EUR", null, null, null,
                new Correction("new-55501", new BigDecimal("24.49"), userId)));

        List<StageEvent> answer = events.await(jobId, hasTypes(2), WAIT);
        assertThat(answer).extracting(StageEvent::type).containsExactly(EventType.MATCH_FOUND, EventType.LABEL_GENERATED);
        StageEvent match = answer.get(0);
        assertThat(match.field("matchedBy").asText()).isEqualTo("manual");
        assertThat(match.field("confidence").decimalValue()).isEqualByComparingTo("1");
        assertThat(match.field("articleNumber").asText()).isEqualTo("NEW-55501");
        assertThat(match.field("ocrArticleNumber").asText()).isEqualTo("ART-55501");
        assertThat(match.field("shopPrice").decimalValue()).isEqualByComparingTo("24.49");
        assertThat(match.field("priceDifference").decimalValue()).isEqualByComparingTo("-0.41");
        assertThat(pdfText(data.files(jobId).get(0).data())).contains("24,90").contains("NEW-55501");
    }

    @Test
    void aChosenArticleNumberIsNotForgivenLikeAReading() {
        String priceList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher", "19.99", EAN));

        // Folded, ART-1O234 would find ART-10234; chosen by a person it must be the row's number.
        send(new LabelRequest(UUID.randomUUID().toString(), jobId, userId, UUID.randomUUID().toString(), "default",
                priceList, "ART-10234", "Wasserkocher", new BigDecimal("19.99"), "EUR", null, null, null,
                new Correction("ART-1O234", null, userId)));

        List<StageEvent> answer = events.await(jobId, hasTypes(1), WAIT);
        assertThat(answer).extracting(StageEvent::type).containsExactly(EventType.MATCH_FAILED);
        assertThat(answer.get(0).field("reason").asText())
                .isEqualTo("no price-list row for the article number 'ART-1O234' chosen in review");
        assertThat(answer.get(0).field("failure").asText()).isEqualTo("no-row");
    }

    @Test
    void withoutAPriceListACorrectionIsWhatTheLabelPrints() throws Exception {
        send(new LabelRequest(UUID.randomUUID().toString(), jobId, userId, UUID.randomUUID().toString(), "default", null,
                "ARF-77318", "Gartenbank Akazie", new BigDecimal("324.58"), "EUR", null, new BigDecimal("121.58"), null,
                new Correction("ART-77318", new BigDecimal("97.26"), userId)));

        List<StageEvent> answer = events.await(jobId, hasTypes(2), WAIT);
        assertThat(answer).extracting(StageEvent::type).containsExactly(EventType.MATCH_FOUND, EventType.LABEL_GENERATED);
        assertThat(answer.get(0).field("matchedBy").asText()).isEqualTo("manual");
        assertThat(answer.get(0).field("articleNumber").asText()).isEqualTo("ART-77318");
        assertThat(answer.get(0).field("ocrArticleNumber").asText()).isEqualTo("ARF-77318");
        assertThat(answer.get(0).field("shopPrice").decimalValue()).isEqualByComparingTo("97.26");
        String text = pdfText(data.files(jobId).get(0).data());
        assertThat(text).contains("97,26").contains("121,58").contains("ART-77318").doesNotContain("324,58");
    }

    @Test
    void aRedeliveredRequestStoresNoNewFilesAndRepeatsTheSameEventIds() {
        String priceList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher", "19.99", EAN));
        LabelRequest request = request(priceList, "default", "ART-10234", "19.99");

        send(request);
        List<StageEvent> first = events.await(jobId, hasTypes(2), WAIT);
        List<StoredFile> filesAfterFirst = data.files(jobId);
        send(request);
        List<StageEvent> both = events.await(jobId, hasTypes(4), WAIT);

        assertThat(both.subList(2, 4)).extracting(StageEvent::id).containsExactlyElementsOf(
                first.stream().map(StageEvent::id).toList());
        assertThat(both.get(3).data()).isEqualTo(first.get(1).data());
        assertThat(data.files(jobId)).extracting(StoredFile::id)
                .containsExactlyElementsOf(filesAfterFirst.stream().map(StoredFile::id).toList());
    }

    @Test
    void aRequestThatDoesNotDecodeIsDeadLetteredWithTheReasonAndTheNextOneIsProcessed() throws Exception {
        String priceList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher", "19.99", EAN));
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> dlq = tail(Topics.LABEL_REQUESTS + Topics.DLQ_SUFFIX)) {
            producer.send(new ProducerRecord<>(Topics.LABEL_REQUESTS, poisonKey,
                    "{\"requestId\": 42, \"jobId\": ".getBytes(StandardCharsets.UTF_8))).get();
            send(request(priceList, "default", "ART-10234", "19.99"));

            ConsumerRecord<String, byte[]> dead = awaitRecord(dlq, poisonKey);
            String reason = new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8);
            assertThat(reason).startsWith("not a LabelRequest: ");
            assertThat(events.await(jobId, hasTypes(2), WAIT)).extracting(StageEvent::type)
                    .containsExactly(EventType.MATCH_FOUND, EventType.LABEL_GENERATED);
        }
    }

    @Test
    void aRequestWithoutScreenshotIdIsDeadLettered() throws Exception {
        String key = "no-screenshot-" + UUID.randomUUID();
        try (KafkaConsumer<String, byte[]> dlq = tail(Topics.LABEL_REQUESTS + Topics.DLQ_SUFFIX)) {
            LabelRequest request = new LabelRequest(UUID.randomUUID().toString(), jobId, userId, null, "default", null,
                    "ART-1", "x", BigDecimal.ONE, "EUR", null);
            producer.send(new ProducerRecord<>(Topics.LABEL_REQUESTS, key, WorkMessages.toJson(request))).get();

            ConsumerRecord<String, byte[]> dead = awaitRecord(dlq, key);
            assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                    .isEqualTo("LabelRequest needs screenshotId of 1-128 characters");
        }
    }

    /** A forged request: a user who does not own the job, or a job job-api does not have. Nothing reaches the job. */
    @Tag("attack")
    @Test
    void aRequestWhoseUserDoesNotOwnTheJobIsDeadLetteredAndNothingIsSentToTheJob() throws Exception {
        String priceList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher", "19.99", EAN));
        try (KafkaConsumer<String, byte[]> dlq = tail(Topics.LABEL_REQUESTS + Topics.DLQ_SUFFIX)) {
            LabelRequest forged = new LabelRequest(UUID.randomUUID().toString(), jobId, "mallory", UUID.randomUUID().toString(),
                    "default", priceList, "ART-10234", "x", new BigDecimal("19.99"), "EUR", null);
            LabelRequest noJob = new LabelRequest(UUID.randomUUID().toString(), "no-such-job-" + UUID.randomUUID(), userId,
                    UUID.randomUUID().toString(), "default", priceList, "ART-10234", "x", new BigDecimal("19.99"), "EUR", null);
            send(forged);
            send(noJob);

            Map<String, ConsumerRecord<String, byte[]>> dead = awaitRecords(dlq, forged.screenshotId(), noJob.screenshotId());
            assertThat(reason(dead.get(forged.screenshotId())))
                    .isEqualTo("userId 'mallory' is not the owner of job " + jobId);
            assertThat(reason(dead.get(noJob.screenshotId()))).contains("does not exist");
        }
        assertThat(events.during(jobId, QUIET)).isEmpty();
        assertThat(data.files(jobId)).isEmpty();
    }

    /** The job is the user's; the price list and template the request names are another user's: not read. */
    @Tag("attack")
    @Test
    void anotherUsersPriceListOrTemplateIsNotUsed() {
        String othersList = data.priceList("someone-else", new PriceRow("ART-10234", "Geheimer Preis", "1.00", EAN));
        String othersTemplate = data.template("someone-else", 50, 30, "NONE");
        String ownList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher", "19.99", EAN));

        send(request(othersList, "default", "ART-10234", "19.99"));
        send(request(ownList, othersTemplate, "ART-10234", "19.99"));

        List<StageEvent> answer = events.await(jobId, hasTypes(3), WAIT);
        assertThat(answer).filteredOn(e -> e.type() == EventType.MATCH_FAILED).extracting(e -> e.field("reason").asText())
                .containsExactly("no price list '" + othersList + "'");
        assertThat(answer).filteredOn(e -> e.type() == EventType.LABEL_FAILED).extracting(e -> e.field("reason").asText())
                .containsExactly("no label template '" + othersTemplate + "'");
        assertThat(answer).noneMatch(e -> e.data().toString().contains("Geheimer"));
    }

    @Tag("attack")
    @Test
    void aPriceListOverTheRowLimitIsNotLoaded() {
        String huge = data.priceList(userId);
        data.addGeneratedPriceListRows(huge, 50001);

        send(request(huge, "default", "ART-7", "1.00"));

        StageEvent failed = events.await(jobId, hasTypes(1), WAIT).getFirst();
        assertThat(failed.type()).isEqualTo(EventType.MATCH_FAILED);
        assertThat(failed.field("reason").asText()).startsWith("price list '" + huge + "' has 50001 rows")
                .contains("limit of 50000 rows");
    }

    @Test
    void aCancelledJobGetsNoAnswer() {
        String priceList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher", "19.99", EAN));
        data.setJobStatus(jobId, "cancelled");
        String otherJob = UUID.randomUUID().toString();
        data.job(otherJob, userId, "matching", "matching");

        send(request(priceList, "default", "ART-10234", "19.99"));
        send(new LabelRequest(UUID.randomUUID().toString(), otherJob, userId, UUID.randomUUID().toString(), "default",
                priceList, "ART-10234", "Wasserkocher", new BigDecimal("19.99"), "EUR", null));

        events.await(otherJob, hasTypes(2), WAIT);
        assertThat(events.during(jobId, QUIET)).isEmpty();
        assertThat(data.files(jobId)).isEmpty();
    }

    @Test
    void withoutAPriceListTheLabelShowsWhatOcrRead() throws Exception {
        send(new LabelRequest(UUID.randomUUID().toString(), jobId, userId, UUID.randomUUID().toString(), "default", null,
                " ART-30001 ", "Milchaufschäumer", new BigDecimal("12.49"), "EUR", EAN));

        List<StageEvent> answer = events.await(jobId, hasTypes(2), WAIT);
        assertThat(answer).extracting(StageEvent::type).containsExactly(EventType.MATCH_FOUND, EventType.LABEL_GENERATED);
        assertThat(answer.get(0).data().has("matchedBy")).isFalse();
        assertThat(answer.get(0).field("articleNumber").asText()).isEqualTo("ART-30001");
        assertThat(answer.get(0).field("listPrice").isNull()).isTrue();
        assertThat(answer.get(0).field("shopPrice").decimalValue()).isEqualByComparingTo("12.49");
        assertThat(scan(data.files(jobId).get(1).data())).isEqualTo(EAN);
    }

    @Test
    void withoutAPriceListTheShopsPreviousPriceIsPrintedStruckThrough() throws Exception {
        send(new LabelRequest(UUID.randomUUID().toString(), jobId, userId, UUID.randomUUID().toString(), "default", null,
                "ART-77318", "Gartenbank Akazie", new BigDecimal("97.26"), "EUR", null, new BigDecimal("121.58")));

        List<StageEvent> answer = events.await(jobId, hasTypes(2), WAIT);
        assertThat(answer).extracting(StageEvent::type).containsExactly(EventType.MATCH_FOUND, EventType.LABEL_GENERATED);
        StoredFile pdf = data.files(jobId).get(0);
        assertThat(pdf.kind()).isEqualTo("label-pdf");
        // The default template shows an old price; de-DE writes both with a decimal comma.
        assertThat(pdfText(pdf.data())).contains("121,58").contains("97,26");
    }

    @Test
    void withoutAPriceListTheShopsFromPriceIsPrintedWithItsWord() throws Exception {
        send(new LabelRequest(UUID.randomUUID().toString(), jobId, userId, UUID.randomUUID().toString(), "default", null,
                "ART-77318", "Gartenbank Akazie", new BigDecimal("97.26"), "EUR", null, null, "ab"));

        events.await(jobId, hasTypes(2), WAIT);
        assertThat(pdfText(data.files(jobId).get(0).data())).contains("ab 97,26");
    }

    @Test
    void aPriceListsPriceIsPrintedWithoutTheShopsPreviousPriceOrPrefix() throws Exception {
        String priceList = data.priceList(userId, new PriceRow("ART-77318", "Gartenbank Akazie", "99.00", null));
        send(new LabelRequest(UUID.randomUUID().toString(), jobId, userId, UUID.randomUUID().toString(), "default",
                priceList, "ART-77318", "Gartenbank", new BigDecimal("97.26"), "EUR", null, new BigDecimal("121.58"), "ab"));

        events.await(jobId, hasTypes(2), WAIT);
        String text = pdfText(data.files(jobId).get(0).data());
        assertThat(text).contains("99,00").doesNotContain("121,58").doesNotContain("ab 99");
    }

    @Test
    void withoutAPriceListOrAPriceTheLabelFails() {
        send(new LabelRequest(UUID.randomUUID().toString(), jobId, userId, UUID.randomUUID().toString(), "default", null,
                "ART-30001", "Milchaufschäumer", null, null, null));

        List<StageEvent> answer = events.await(jobId, hasTypes(2), WAIT);
        assertThat(answer).extracting(StageEvent::type).containsExactly(EventType.MATCH_FOUND, EventType.LABEL_FAILED);
        assertThat(answer.get(1).field("reason").asText())
                .isEqualTo("no price was read, and the job has no price list to take it from");
    }

    @Test
    void anUnknownOrUnusableTemplateFailsTheLabelWithTheReason() {
        String priceList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher", "19.99", null));
        // job-api accepts labels from 10 mm high; the renderer needs 15 mm for name, price and barcode.
        String tooLow = data.template(userId, 60, 12, "AUTO");

        send(request(priceList, "no-such-template", "ART-10234", "19.99"));
        send(request(priceList, tooLow, "ART-10234", "19.99"));

        List<StageEvent> answer = events.await(jobId, hasTypes(4), WAIT);
        assertThat(answer).filteredOn(e -> e.type() == EventType.LABEL_FAILED).extracting(e -> e.field("reason").asText())
                .containsExactlyInAnyOrder("no label template 'no-such-template'",
                        "label template '" + tooLow + "' cannot be used: label size must be 20–300 × 15–300 mm, was 60.0 × 12.0");
    }

    @Test
    void aTemplateWithoutBarcodeGivesALabelWithoutBarcodeFormat() throws Exception {
        String priceList = data.priceList(userId, new PriceRow("ART-10234", "Wasserkocher", "19.99", EAN));
        String noBarcode = data.template(userId, 50, 30, "NONE");

        send(request(priceList, noBarcode, "ART-10234", "19.99"));

        StageEvent label = events.await(jobId, hasTypes(2), WAIT).get(1);
        assertThat(label.type()).isEqualTo(EventType.LABEL_GENERATED);
        assertThat(label.data().has("barcodeFormat")).isFalse();
        assertThat(scan(data.files(jobId).get(1).data())).isNull();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private LabelRequest request(String priceListId, String templateId, String articleNumber, String price) {
        return new LabelRequest(UUID.randomUUID().toString(), jobId, userId, UUID.randomUUID().toString(), templateId,
                priceListId, articleNumber, "as read", new BigDecimal(price), "EUR", null);
    }

    private static void send(LabelRequest request) {
        try {
            producer.send(WorkMessages.toRecord(request)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reason(ConsumerRecord<String, byte[]> deadLetter) {
        return new String(deadLetter.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8);
    }

    private static java.util.function.Predicate<List<StageEvent>> hasTypes(int count) {
        return list -> list.size() >= count;
    }

    /** Consumer group assignment takes a moment; a request sent before it would be missed (offset reset latest). */
    private void awaitPartitionsAssigned() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap()))) {
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
                if (group.members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new AssertionError("consumer group " + groupId + " got no partitions of label.requests");
        }
    }

    private static KafkaConsumer<String, byte[]> tail(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, StackUnderTest.kafkaBootstrap());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(KafkaConsumer<String, byte[]> consumer, String key) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (key.equals(record.key())) {
                    return record;
                }
            }
        }
        throw new AssertionError("no record with key " + key + " on " + consumer.assignment());
    }

    private static Map<String, ConsumerRecord<String, byte[]>> awaitRecords(KafkaConsumer<String, byte[]> consumer,
            String... keys) {
        Map<String, ConsumerRecord<String, byte[]>> found = new java.util.HashMap<>();
        Instant deadline = Instant.now().plus(WAIT);
        while (found.size() < keys.length && Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (List.of(keys).contains(record.key())) {
                    found.put(record.key(), record);
                }
            }
        }
        assertThat(found).as("dead letters on " + consumer.assignment()).containsOnlyKeys(keys);
        return found;
    }

    /** The barcode in the PNG, or null when there is none. */
    private static String scan(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            Result result = new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return result.getText();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
