package io.stagewire.jobapi.rest;

import org.junit.jupiter.api.Tag;
import static io.restassured.RestAssured.given;
import static io.stagewire.jobapi.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.stagewire.jobapi.service.PriceLists;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.LoggedFailures;
import io.stagewire.jobapi.support.Workbooks;
import io.stagewire.testing.Tokens;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed input from outside answers a 4xx problem+json with the precise reason, and nothing
 * is logged with a stack trace: each case here answered 500 (or read the whole body) before.
 */
@Tag("attack")
@QuarkusTest
class MalformedInputTest {
    @TestHTTPResource("/api/jobs")
    URI jobs;

    private static void problem(Response response, int status, String detailPart) {
        response.then().statusCode(status).contentType(Problem.MEDIA_TYPE).body("status", equalTo(status))
                .body("detail", containsString(detailPart));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ...", "Bearer ", "Bearer", "Bearer a.b.c", "Bearer e30.e30.", "Basic Ym9iOmJvYg=="})
    void malformedBearerIs401WithoutAStackTrace(String authorization) {
        try (LoggedFailures logged = LoggedFailures.capture()) {
            given().header("Authorization", authorization).get("/api/jobs").then().statusCode(401);
            assertThat(logged.withStackTraces()).isEmpty();
        }
    }

    @Test
    void nulInIdsAndParametersIs400() {
        String job = Api.createJob("bob", 1);
        try (LoggedFailures logged = LoggedFailures.capture()) {
            for (String path : new String[]{"/api/jobs/a%00b", "/api/jobs/a%00b/events", "/api/jobs/a%00b/screenshots",
                    "/api/jobs/a%00b/labels", "/api/jobs/a%00b/ocr-results", "/api/jobs/a%00b/labels.zip", "/api/files/x%00",
                    "/api/price-lists/x%00", "/api/label-templates/x%00", "/api/jobs?userId=%00", "/api/jobs?status=%00",
                    "/api/jobs/" + job + "/events?after=0-%00"}) {
                problem(as("bob").urlEncodingEnabled(false).get(path), 400, "NUL");
            }
            problem(as("bob").urlEncodingEnabled(false).post("/api/jobs/a%00b/cancel"), 400, "NUL");
            problem(as("bob").contentType(ContentType.JSON).body(Map.of("name", "bad\u0000name", "widthMm", 50, "heightMm", 30))
                    .post("/api/label-templates"), 400, "NUL");
            problem(as("bob").contentType(ContentType.JSON).body(Map.of("shopUrl", "https://shop.example/\u0000", "templateId", "default"))
                    .post("/api/jobs"), 400, "NUL");
            problem(as("bob").multiPart("file", "list.xlsx", Workbooks.xlsx(new Object[]{"SKU", "Name", "Price"}, new Object[]{"A", "B", 1}),
                    PriceLists.XLSX).multiPart("name", "bad\u0000").post("/api/price-lists"), 400, "NUL");
            assertThat(logged.withStackTraces()).isEmpty();
        }
    }

    @Test
    void pagingParametersOutOfRangeOrNotNumbersAre400() {
        try (LoggedFailures logged = LoggedFailures.capture()) {
            Response huge = as("bob").get("/api/jobs?page=2147483647");
            assertThat(huge.statusCode()).isIn(200, 400);
            if (huge.statusCode() == 200) {
                assertThat(huge.jsonPath().getList("items")).isEmpty();
            }
            problem(as("bob").get("/api/jobs?page=abc"), 400, "page");
            problem(as("bob").get("/api/jobs?size=abc"), 400, "size");
            problem(as("bob").get("/api/jobs?page=-1"), 400, "page");
            String job = Api.createJob("bob", 1);
            problem(as("bob").get("/api/jobs/" + job + "/events?limit=abc"), 400, "limit");
            problem(as("bob").get("/api/jobs/" + job + "/events?after=0-99999999999999999999"), 400, "after");
            assertThat(logged.withStackTraces()).isEmpty();
        }
    }

    @Test
    void overlongIdsAndTextsAreRefusedOrNotFound() {
        try (LoggedFailures logged = LoggedFailures.capture()) {
            String longId = "x".repeat(1000); // ids are at most 128 characters; longer ones are simply not found
            for (String path : new String[]{"/api/jobs/" + longId, "/api/jobs/" + longId + "/events", "/api/files/" + longId,
                    "/api/price-lists/" + longId, "/api/label-templates/" + longId}) {
                as("bob").get(path).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
            }
            as("bob").get("/api/jobs?userId=" + longId).then().statusCode(200);
            as("bob").contentType(ContentType.JSON).body(Map.of("shopUrl", "https://shop.example/" + "p".repeat(3000), "templateId", "default"))
                    .post("/api/jobs").then().statusCode(400).body("errors[0].field", equalTo("shopUrl"));
            problem(as("bob").multiPart("file", "n".repeat(300) + ".xlsx", Workbooks.xlsx(new Object[]{"SKU", "Name", "Price"}, new Object[]{"A", "B", 1}),
                    PriceLists.XLSX).post("/api/price-lists"), 400, "255");
            assertThat(logged.withStackTraces()).isEmpty();
        }
    }

    @Test
    void invalidJsonNamesWhereAndWhy() {
        problem(as("bob").contentType(ContentType.JSON).body("{\"shopUrl\": \"https://shop.example/\",\n \"templateId\": }")
                .post("/api/jobs"), 400, "line 2, column");
        problem(as("bob").contentType(ContentType.JSON).body("{\"shopUrl\": \"https://shop.example/\", \"templateId\": \"default\", "
                + "\"crawlerConfig\": {\"maxProducts\": \"many\"}}").post("/api/jobs"), 400, "crawlerConfig.maxProducts");
        problem(as("bob").contentType(ContentType.JSON).body("[1, 2]").post("/api/jobs"), 400, "line 1, column");
        problem(as("bob").contentType(ContentType.JSON).body("").post("/api/jobs"), 400, "body");
    }

    @Test
    void jsonBodiesHaveASmallLimitCheckedBeforeReading() throws Exception {
        byte[] big = ("{\"shopUrl\": \"https://shop.example/\", \"templateId\": \"default\", \"pad\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}").getBytes();
        problem(as("bob").contentType(ContentType.JSON).body(big).post("/api/jobs"), 413, "65536");
        // A body without a declared length (chunked) cannot be checked before reading: refused.
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(jobs)
                .header("Authorization", "Bearer " + Tokens.accessToken("bob")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(411);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        // a body within the limit still works
        Api.createJob("bob", 1);
    }
}
