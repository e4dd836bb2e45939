package io.stagewire.jobapi.messaging;

import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.Topics;
import io.stagewire.events.work.LabelRequest;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.EventBus;
import io.stagewire.jobapi.support.InMemoryJobEvents;
import io.stagewire.jobapi.support.Workbooks;
import io.stagewire.testing.SharedDataFixtures;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 5: the review list of a job (unmatched, ambiguous, unlabelled and disagreeing items) and the owner's
 * correction, which sends the item's label request again with the correction and reopens the job until it is in.
 */
@QuarkusTest
@TestProfile(InMemoryJobEvents.Profile.class)
class ReviewTest {
    private static final String CRAWLER = "/stagewire/crawler-worker";
    private static final String OCR = "/stagewire/ocr-worker";
    private static final String LABEL = "/stagewire/label-worker";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    EventBus bus;
    @Inject
    DataSource dataSource;

    private void send(EventType type, String source, String jobId, Map<String, Object> data) {
        bus.deliver(StageEvent.of(type, source, jobId, sub("bob"), StageEventJson.mapper().valueToTree(data)));
    }

    private String jobWithPriceList() {
        byte[] file = Workbooks.xlsx(new Object[]{"Art.-Nr.", "Bezeichnung", "Preis"},
                new Object[]{"ART-10234", "Wasserkocher", "19.99"},
                new Object[]{"NEW-55501", "Teekanne Glas", "24.90"});
        String list = as("bob").multiPart("file", "liste.xlsx", file, XLSX).multiPart("name", "Liste")
                .post("/api/price-lists").then().statusCode(201).extract().path("id");
        String id = as("bob").contentType(ContentType.JSON)
                .body(Map.of("shopUrl", "https://shop.example/", "templateId", "default", "priceListId", list))
                .post("/api/jobs").then().statusCode(202).extract().path("id");
        bus.relayAnnouncements();
        return id;
    }

    private void captured(String id, String... screenshots) {
        send(EventType.CRAWL_STARTED, CRAWLER, id, Map.of());
        for (String s : screenshots) {
            send(EventType.SCREENSHOT_CAPTURED, CRAWLER, id, Map.of("screenshotId", s, "fileId", "file-" + s,
                    "productUrl", "https://shop.example/" + s, "productName", "Produkt " + s));
        }
        send(EventType.CRAWL_COMPLETED, CRAWLER, id, Map.of("count", screenshots.length));
    }

    private void labelled(String id, String screenshot, String articleNumber, String matchedBy) {
        labelled(id, screenshot, articleNumber, matchedBy, "p", "d");
    }

    private void labelled(String id, String screenshot, String articleNumber, String matchedBy, String png, String pdf) {
        send(EventType.MATCH_FOUND, LABEL, id, Map.of("screenshotId", screenshot, "articleNumber", articleNumber,
                "matchedBy", matchedBy));
        send(EventType.LABEL_GENERATED, LABEL, id, Map.of("labelId", "label-" + screenshot + "-" + matchedBy,
                "screenshotId", screenshot, "pngFileId", png, "pdfFileId", pdf));
    }

    private static JsonPath review(String user, String id) {
        return as(user).get("/api/jobs/" + id + "/review").then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse correct(String user, String id, String screenshot,
                                                                        Map<String, Object> body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/api/jobs/" + id + "/review/" + screenshot).then();
    }

    private LabelRequest lastLabelRequest(String screenshot) {
        List<byte[]> sent = bus.work(Topics.LABEL_REQUESTS, screenshot);
        assertThat(sent).isNotEmpty();
        return WorkMessages.read(sent.get(sent.size() - 1), LabelRequest.class);
    }

    @Test
    void ambiguousAndDisagreeingItemsAreListedAndTheOwnersChoiceIsLabelledAgain() {
        String id = jobWithPriceList();
        String a = id + "-a", b = id + "-b", c = id + "-c", e = id + "-e";
        captured(id, a, b, c, e);
        send(EventType.OCR_COMPLETED, OCR, id, Map.of("screenshotId", a, "articleNumber", "ART-5550l", "name", "Teekanne",
                "price", new BigDecimal("24.90"), "currency", "EUR"));
        send(EventType.MATCH_FAILED, LABEL, id, Map.of("screenshotId", a, "articleNumber", "ART-5550l",
                "reason", "needs review: 'ART-5550l' is 2 characters from 'NEW-55501'", "failure", "ambiguous",
                "candidates", List.of(Map.of("articleNumber", "NEW-55501", "name", "Teekanne Glas", "price", new BigDecimal("24.90")))));
        send(EventType.OCR_COMPLETED, OCR, id, Map.of("screenshotId", b, "articleNumber", "ART-10234", "price", new BigDecimal("97.26"),
                "disagreements", List.of(Map.of("field", "price", "read", "97.26", "stated", "121.58"))));
        // b's label files exist, as the label worker stores them before it reports the label.
        SharedDataFixtures files = new SharedDataFixtures(dataSource);
        String png = files.screenshot(sub("bob"), id, new byte[] {1});
        String pdf = files.screenshot(sub("bob"), id, new byte[] {2});
        labelled(id, b, "ART-10234", "exact", png, pdf);
        send(EventType.OCR_COMPLETED, OCR, id, Map.of("screenshotId", c, "articleNumber", "ART-10234"));
        labelled(id, c, "ART-10234", "exact");
        send(EventType.OCR_COMPLETED, OCR, id, Map.of("screenshotId", e, "articleNumber", "ART-10234"));

        JsonPath listed = review("bob", id);
        assertThat(listed.getList("screenshotId")).containsExactly(a, b);
        assertThat(listed.getList("[0].needs")).containsExactly("ambiguous");
        assertThat(listed.getString("[0].reading.match.failure")).isEqualTo("ambiguous");
        assertThat(listed.getString("[0].candidates[0].articleNumber")).isEqualTo("NEW-55501");
        assertThat(listed.getString("[0].screenshot.url")).isEqualTo("/api/files/file-" + a);
        assertThat(listed.getString("[0].screenshot.productName")).isEqualTo("Produkt " + a);
        assertThat(listed.getList("[1].needs")).containsExactly("disagreement");
        assertThat(listed.getString("[1].reading.disagreements[0].stated")).isEqualTo("121.58");
        assertThat(listed.getString("[1].label.status")).isEqualTo("generated");
        as("carol").get("/api/jobs/" + id + "/review").then().statusCode(404);
        assertThat(review("alice", id).getList("screenshotId")).containsExactly(a, b);

        // e is still in flight; nothing to correct on an unknown item; another user's job does not exist for them.
        correct("bob", id, e, Map.of("articleNumber", "ART-10234")).statusCode(409)
                .body("detail", equalTo("item '" + e + "' is still being matched and labelled; correct it when it has finished"));
        correct("bob", id, id + "-x", Map.of("articleNumber", "ART-10234")).statusCode(404);
        correct("carol", id, a, Map.of("articleNumber", "NEW-55501")).statusCode(404);
        // Corrections that cannot give a label, each with its reason.
        correct("bob", id, a, Map.of()).statusCode(400).body("errors[0].message", equalTo("give an article number, a price or both"));
        correct("bob", id, a, Map.of("price", 24.49)).statusCode(400)
                .body("errors[0].field", equalTo("articleNumber"))
                .body("errors[0].message", equalTo("the item matched no price-list row: choose one"));
        correct("bob", id, a, Map.of("articleNumber", "NOPE-1")).statusCode(400)
                .body("errors[0].message", equalTo("the job's price list has no row with article number 'NOPE-1'"));
        correct("bob", id, a, Map.of("articleNumber", "NEW-55501", "price", -1)).statusCode(400).body("errors[0].field", equalTo("price"));
        correct("bob", id, a, Map.of("articleNumber", "x".repeat(129))).statusCode(400);
        assertThat(bus.work(Topics.LABEL_REQUESTS, a)).as("nothing sent for a refused correction").isEmpty();

        labelled(id, e, "ART-10234", "exact");
        Api.awaitStatus("bob", id, "completed");
        correct("bob", id, a, Map.of("articleNumber", " new-55501 ")).statusCode(202)
                .body("status", not(equalTo("completed")))
                .body("counters.unmatched", equalTo(0));
        LabelRequest again = lastLabelRequest(a);
        assertThat(again.correction().articleNumber()).as("the row's own spelling").isEqualTo("NEW-55501");
        assertThat(again.correction().price()).isNull();
        assertThat(again.correction().userId()).isEqualTo(sub("bob"));
        assertThat(again.articleNumber()).as("the reading stays what OCR read").isEqualTo("ART-5550l");
        assertThat(again.price()).isEqualByComparingTo("24.90");
        assertThat(again.priceListId()).isNotNull();
        // In flight again: off the list until the answer is in, and not correctable twice at once.
        assertThat(review("bob", id).getList("screenshotId")).containsExactly(b);
        correct("bob", id, a, Map.of("articleNumber", "NEW-55501")).statusCode(409);

        labelled(id, a, "NEW-55501", "manual");
        Api.awaitStatus("bob", id, "completed");
        assertThat(Api.job("bob", id).getInt("counters.labelsGenerated")).isEqualTo(4);

        // A price alone keeps the row that matched; the owner's decision settles the page's disagreement.
        correct("bob", id, b, Map.of("price", 121.58)).statusCode(202);
        assertThat(files.files(id)).extracting(SharedDataFixtures.StoredFile::id).as("the replaced label's files")
                .doesNotContain(png, pdf);
        LabelRequest priced = lastLabelRequest(b);
        assertThat(priced.correction().articleNumber()).isEqualTo("ART-10234");
        assertThat(priced.correction().price()).isEqualByComparingTo("121.58");
        labelled(id, b, "ART-10234", "manual");
        Api.awaitStatus("bob", id, "completed");
        assertThat(review("bob", id).getList("screenshotId")).isEmpty();
        assertThat(as("bob").get("/api/jobs/" + id + "/ocr-results").then().statusCode(200).extract().jsonPath()
                .getList("match.matchedBy")).containsExactlyInAnyOrder("manual", "manual", "exact", "exact");
    }

    @Test
    void withoutAPriceListAnUnlabelledItemGetsThePriceTheOwnerGives() {
        String id = bus.announcedJob("bob", 5);
        String a = id + "-a";
        captured(id, a);
        send(EventType.OCR_COMPLETED, OCR, id, Map.of("screenshotId", a, "articleNumber", "ART-77318", "currency", "EUR"));
        send(EventType.MATCH_FOUND, LABEL, id, Map.of("screenshotId", a, "articleNumber", "ART-77318"));
        send(EventType.LABEL_FAILED, LABEL, id, Map.of("screenshotId", a, "articleNumber", "ART-77318",
                "reason", "no price was read, and the job has no price list to take it from"));
        Api.awaitStatus("bob", id, "failed");

        JsonPath listed = review("bob", id);
        assertThat(listed.getList("[0].needs")).containsExactly("label-failed");
        assertThat(listed.getString("[0].label.reason")).startsWith("no price was read");
        correct("bob", id, a, Map.of("articleNumber", "ART-77318")).statusCode(400)
                .body("errors[0].field", equalTo("price"));
        correct("bob", id, a, Map.of("price", "97.26")).statusCode(202);
        LabelRequest again = lastLabelRequest(a);
        assertThat(again.correction().price()).isEqualByComparingTo("97.26");
        assertThat(again.correction().articleNumber()).isNull();
        assertThat(again.priceListId()).isNull();
        assertThat(review("bob", id).getList("screenshotId")).isEmpty();
    }

    @Test
    void anItemWhoseOcrReadNothingIsForARetryNotACorrection() {
        String id = bus.announcedJob("bob", 5);
        String a = id + "-a";
        captured(id, a);
        send(EventType.OCR_FAILED, OCR, id, Map.of("screenshotId", a, "reason", "blurred"));
        Api.awaitStatus("bob", id, "failed");

        correct("bob", id, a, Map.of("articleNumber", "ART-1", "price", 1)).statusCode(409).body("detail", equalTo(
                "OCR read nothing on item '" + a + "' (blurred): there is no reading to correct; retry the job to read it again"));
        assertThat(review("bob", id).getList("screenshotId")).isEmpty();
        assertThat(bus.work(Topics.LABEL_REQUESTS, a)).isEmpty();
    }

    @Test
    void aCancelledJobIsNotCorrected() {
        String id = bus.announcedJob("bob", 5);
        as("bob").post("/api/jobs/" + id + "/cancel").then().statusCode(202);
        correct("bob", id, "any", Map.of("price", 1)).statusCode(409).body("detail", equalTo("job '" + id + "' is cancelled"));
    }
}
