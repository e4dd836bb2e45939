package io.stagewire.system;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.stagewire.testing.Tokens;

/** job-api's REST API as one user calls it, with that user's real access token. */
public final class JobApi {

    private final String user;

    private JobApi(String user) {
        this.user = user;
    }

    public static JobApi as(String user) {
        return new JobApi(user);
    }

    public String token() {
        return Tokens.accessToken(user);
    }

    /** The token's subject: the id the user's jobs and user channel carry. */
    public String sub() {
        return request().get("/api/me").then().statusCode(200).extract().path("sub");
    }

    public String uploadDemoPriceList() {
        return request().multiPart("file", DemoShop.priceList().toFile(),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .post("/api/price-lists").then().statusCode(201).extract().path("id");
    }

    /** Uploads an .xlsx price list; returns its id. */
    public String uploadPriceList(String fileName, byte[] xlsx) {
        return request().multiPart("file", fileName, xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .post("/api/price-lists").then().statusCode(201).extract().path("id");
    }

    /** Creates a job on the demo shop; returns its id. */
    public String createDemoShopJob(String priceListId, int maxProducts) {
        return createJob(RunningStack.DEMO_SHOP, priceListId, maxProducts);
    }

    /** Creates a job on a shop, without selectors; returns its id. */
    public String createJob(String shopUrl, String priceListId, int maxProducts) {
        Map<String, Object> body = new HashMap<>();
        body.put("shopUrl", shopUrl);
        body.put("templateId", "default");
        body.put("priceListId", priceListId);
        body.put("crawlerConfig", Map.of("maxProducts", maxProducts));
        return request().contentType(ContentType.JSON).body(body).post("/api/jobs")
                .then().statusCode(202).extract().path("id");
    }

    public JsonPath job(String jobId) {
        return request().get("/api/jobs/" + jobId).then().statusCode(200).extract().jsonPath();
    }

    /** GET /api/jobs/{id}/{items}: screenshots, ocr-results or labels. */
    public JsonPath items(String jobId, String items) {
        return request().get("/api/jobs/" + jobId + "/" + items).then().statusCode(200).extract().jsonPath();
    }

    /** The ids of the job's history (GET /api/jobs/{id}/events), in position order. */
    public List<String> historyIds(String jobId) {
        return request().get("/api/jobs/" + jobId + "/events?limit=1000").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    public byte[] file(String fileId) {
        return request().get("/api/files/" + fileId).then().statusCode(200).extract().asByteArray();
    }

    private RequestSpecification request() {
        return given().baseUri(RunningStack.JOB_API).auth().oauth2(token());
    }
}
