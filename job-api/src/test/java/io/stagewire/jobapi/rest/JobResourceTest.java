package io.stagewire.jobapi.rest;

import static io.restassured.RestAssured.given;
import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stagewire.events.Decoded;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.Topics;
import io.stagewire.events.work.CrawlRequest;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.Kafka;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST/GET /api/jobs with real tokens: validation, ownership and what a created job sends. */
@QuarkusTest
class JobResourceTest {

    private static Map<String, Object> job(String shopUrl, String templateId, Integer maxProducts) {
        Map<String, Object> body = new HashMap<>();
        body.put("shopUrl", shopUrl);
        body.put("templateId", templateId);
        if (maxProducts != null) {
            body.put("crawlerConfig", Map.of("maxProducts", maxProducts));
        }
        return body;
    }

    @Test
    void createdJobIsPendingAndSendsOneCrawlRequestAndJobCreated() {
        try (Kafka.Tail crawls = Kafka.tail(Topics.CRAWL_REQUESTS); Kafka.Tail events = Kafka.tail(Topics.JOB_EVENTS)) {
            var created = as("bob").contentType(ContentType.JSON).body(job("https://shop.example/tea?page=1", "default", 25))
                    .post("/api/jobs")
                    .then().statusCode(202)
                    .body("status", equalTo("pending"))
                    .body("stage", equalTo("queue"))
                    .body("kind", equalTo("crawl"))
                    .body("userId", equalTo(sub("bob")))
                    .body("progress", is(0.0f))
                    .body("crawlerConfig.maxProducts", equalTo(25))
                    .body("crawlerConfig.maxPages", equalTo(20))
                    .body("position", nullValue())
                    .extract();
            String id = created.path("id");
            assertThat(created.header("Location")).endsWith("/api/jobs/" + id);

            ConsumerRecord<String, byte[]> crawl = crawls.await(id, 1, Duration.ofSeconds(10)).get(0);
            CrawlRequest request = WorkMessages.read(crawl.value(), CrawlRequest.class);
            assertThat(request.jobId()).isEqualTo(id);
            assertThat(request.userId()).isEqualTo(sub("bob"));
            assertThat(request.shopUrl()).isEqualTo("https://shop.example/tea?page=1");
            assertThat(request.crawlerConfig().maxProducts()).isEqualTo(25);

            Decoded announced = StageEventCodec.decode(events.await(id, 1, Duration.ofSeconds(10)).get(0));
            assertThat(announced).isInstanceOfSatisfying(Decoded.Valid.class, v -> {
                assertThat(v.event().type().wireName()).isEqualTo("job:created");
                assertThat(v.event().userId()).isEqualTo(sub("bob"));
                assertThat(v.event().source()).isEqualTo("/stagewire/job-api");
            });
            assertThat(crawls.during(id, Duration.ofSeconds(2))).hasSize(1);
        }
    }

    @Test
    void waitingJobsAreToldConsecutivePlacesInTheOrderTheyWereCreated() {
        // Nothing takes crawl requests in these tests: the jobs wait, behind whatever earlier tests left waiting.
        List<String> ids = List.of(Api.createJob("bob", 1), Api.createJob("bob", 1), Api.createJob("bob", 1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            List<Map<String, Object>> told = ids.stream().map(JobResourceTest::lastQueuePosition).toList();
            assertThat(told).doesNotContainNull();
            int first = (Integer) told.get(0).get("position");
            assertThat(told).extracting(place -> place.get("position")).containsExactly(first, first + 1, first + 2);
            assertThat((Integer) told.get(2).get("queueLength")).isGreaterThan(first + 2);
        });
    }

    /** The data of the job's last queue:position, or null before its first. */
    private static Map<String, Object> lastQueuePosition(String id) {
        List<Map<String, Object>> items = as("bob").get("/api/jobs/" + id + "/events?limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.type == 'queue:position' }.data");
        return items.isEmpty() ? null : items.getLast();
    }

    @Test
    void theFirstEventIsInTheHistoryAsSoonAsTheJobIsCreated() {
        String id = Api.createJob("bob", 3);

        // No wait: the request has answered, so its job:created is history already (read your writes).
        var history = as("bob").get("/api/jobs/" + id + "/events").then().statusCode(200).extract().jsonPath();
        // The job's queue:position announcements (every stagewire.announcements.every, 1 s) may already follow it.
        List<String> types = history.getList("items.type", String.class);
        assertThat(types).first().isEqualTo("job:created");
        assertThat(types.subList(1, types.size())).allMatch("queue:position"::equals);
        assertThat(history.getString("items[0].source")).isEqualTo("/stagewire/job-api");
        assertThat(history.getString("items[0].userId")).isEqualTo(sub("bob"));

        // Once back from job.events the same event (not a second one) has its position. The job's queue:position
        // announcements (every stagewire.announcements.every, 1 s) may follow it meanwhile: they come after it.
        String created = history.getString("items[0].id");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> as("bob").get("/api/jobs/" + id + "/events").jsonPath().getString("items[0].position") != null);
        var positioned = as("bob").get("/api/jobs/" + id + "/events").jsonPath();
        assertThat(positioned.getList("items.id", String.class)).startsWith(created).containsOnlyOnce(created);
        assertThat(positioned.getList("items.type", String.class)).first().isEqualTo("job:created");
        assertThat(positioned.getList("items.type", String.class).stream().skip(1)).allMatch("queue:position"::equals);
        var after = as("bob").get("/api/jobs/" + id + "/events?after=" + positioned.getString("items[0].position")).jsonPath();
        // Read later than the page above: another queue:position may have been appended since, after what it listed.
        List<String> later = after.getList("items.id", String.class);
        List<String> listed = positioned.getList("items.id", String.class).stream().skip(1).toList();
        assertThat(later).doesNotContain(created);
        assertThat(later.subList(0, Math.min(listed.size(), later.size()))).as("what the page above listed after job:created")
                .isEqualTo(listed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://shop.example/", "https://user:secret@shop.example/", "https://user@shop.example/",
            "javascript:alert(1)", "shop.example", "https:///nohost", "http://exa mple.com/"})
    void badShopUrlIsRejectedWithTheField(String url) {
        as("bob").contentType(ContentType.JSON).body(job(url, "default", 10)).post("/api/jobs")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://stagewire.io/problems/validation"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("shopUrl"));
    }

    @Test
    void selectorsOfTheCrawlerConfigReachTheCrawler() {
        Map<String, Object> body = job("https://shop.example/", "default", null);
        body.put("crawlerConfig", Map.of("maxProducts", 5, "productLinkSelector", " li.item > a ",
                "nextPageSelector", "", "productAreaSelector", "#product"));
        try (Kafka.Tail crawls = Kafka.tail(Topics.CRAWL_REQUESTS)) {
            String id = as("bob").contentType(ContentType.JSON).body(body).post("/api/jobs")
                    .then().statusCode(202)
                    .body("crawlerConfig.productLinkSelector", equalTo("li.item > a"))
                    .extract().path("id");

            CrawlRequest request = WorkMessages.read(crawls.await(id, 1, Duration.ofSeconds(10)).get(0).value(),
                    CrawlRequest.class);
            assertThat(request.crawlerConfig().productLinkSelector()).isEqualTo("li.item > a");
            assertThat(request.crawlerConfig().nextPageSelector()).as("blank means the crawler's defaults").isNull();
            assertThat(request.crawlerConfig().productAreaSelector()).isEqualTo("#product");
        }
    }

    @Test
    void overlongSelectorIsRejectedWithTheField() {
        Map<String, Object> body = job("https://shop.example/", "default", null);
        body.put("crawlerConfig", Map.of("productAreaSelector", "x".repeat(501)));
        as("bob").contentType(ContentType.JSON).body(body).post("/api/jobs")
                .then().statusCode(400)
                .body("errors.field", hasItem("crawlerConfig.productAreaSelector"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 501})
    void maxProductsOutsideOneTo500IsRejected(int maxProducts) {
        as("bob").contentType(ContentType.JSON).body(job("https://shop.example/", "default", maxProducts)).post("/api/jobs")
                .then().statusCode(400)
                .body("errors.field", hasItem("crawlerConfig.maxProducts"));
    }

    @Test
    void unknownTemplateAndSomeoneElsesPriceListAreRejected() {
        Map<String, Object> body = job("https://shop.example/", "no-such-template", 10);
        body.put("priceListId", "not-bobs");
        as("bob").contentType(ContentType.JSON).body(body).post("/api/jobs")
                .then().statusCode(400)
                .body("errors.field", hasItem("templateId"))
                .body("errors.field", hasItem("priceListId"))
                .body("detail", equalTo("2 fields are invalid"));
    }

    @Test
    void missingBodyAndBrokenJsonAreProblems() {
        as("bob").contentType(ContentType.JSON).post("/api/jobs").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        as("bob").contentType(ContentType.JSON).body("{\"shopUrl\": ").post("/api/jobs")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("status", equalTo(400));
    }

    @Tag("attack")
    @Test
    void everyEndpointNeedsAToken() {
        given().contentType(ContentType.JSON).body(job("https://shop.example/", "default", 10)).post("/api/jobs").then().statusCode(401);
        given().get("/api/jobs").then().statusCode(401);
        given().get("/api/jobs/x").then().statusCode(401);
        given().get("/api/jobs/x/events").then().statusCode(401);
        given().post("/api/jobs/x/cancel").then().statusCode(401);
        given().get("/api/files/x").then().statusCode(401);
        given().get("/api/label-templates").then().statusCode(401);
        given().get("/api/price-lists").then().statusCode(401);
        given().post("/api/extractions").then().statusCode(401);
    }

    @Tag("attack")
    @Test
    void anotherUsersJobIsNotFoundButAdminSeesIt() {
        String id = Api.createJob("bob", 5);

        as("carol").get("/api/jobs/" + id).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("type", equalTo("https://stagewire.io/problems/not-found"));
        as("carol").get("/api/jobs/" + id + "/events").then().statusCode(404);
        as("carol").get("/api/jobs/" + id + "/screenshots").then().statusCode(404);
        as("carol").get("/api/jobs/" + id + "/ocr-results").then().statusCode(404);
        as("carol").get("/api/jobs/" + id + "/labels").then().statusCode(404);
        as("carol").post("/api/jobs/" + id + "/cancel").then().statusCode(404);
        as("carol").post("/api/jobs/" + id + "/retry").then().statusCode(404);
        as("alice").get("/api/jobs/" + id).then().statusCode(200).body("userId", equalTo(sub("bob")));
    }

    @Test
    void unknownJobIsNotFound() {
        as("bob").get("/api/jobs/no-such-job").then().statusCode(404)
                .body("detail", equalTo("no job 'no-such-job'"))
                .body("instance", equalTo("/api/jobs/no-such-job"));
    }

    @Test
    void listShowsOwnJobsFilteredAndPagedAndAllForAdmin() {
        String carols = Api.createJob("carol", 3);
        String bobs = Api.createJob("bob", 3);

        as("carol").get("/api/jobs?status=pending&size=100")
                .then().statusCode(200)
                .body("items.userId", everyItem(equalTo(sub("carol"))))
                .body("items.id", hasItem(carols))
                .body("items.status", everyItem(equalTo("pending")));
        as("carol").get("/api/jobs?status=completed&size=100").then().statusCode(200)
                .body("items.status", everyItem(equalTo("completed")))
                .body("items.id", not(hasItem(carols)));
        as("carol").get("/api/jobs?size=1&page=0").then().statusCode(200).body("items", hasSize(1)).body("size", equalTo(1));
        as("alice").get("/api/jobs?size=100").then().statusCode(200).body("items.id", hasItem(bobs)).body("items.id", hasItem(carols));
        as("carol").get("/api/jobs?status=sleeping").then().statusCode(400).body("errors[0].field", equalTo("status"));
        as("carol").get("/api/jobs?size=1000").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    /** The gateway's snapshot of a user channel: that owner's jobs that are not final, also when an admin asks. */
    @Test
    void activeFilterAndOwnerFilterSelectOneUsersUnfinishedJobs() {
        String bobs = Api.createJob("bob", 3);
        String carols = Api.createJob("carol", 3);

        as("alice").get("/api/jobs?status=active&userId=" + sub("bob") + "&size=100").then().statusCode(200)
                .body("items.id", hasItem(bobs))
                .body("items.id", not(hasItem(carols)))
                .body("items.userId", everyItem(equalTo(sub("bob"))))
                .body("items.status", everyItem(not(anyOf(equalTo("completed"), equalTo("failed"), equalTo("cancelled")))));
        // Another owner's filter never widens what a user sees.
        as("carol").get("/api/jobs?userId=" + sub("bob") + "&size=100").then().statusCode(200).body("items", hasSize(0));
    }
}
