package io.stagewire.jobapi.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.stagewire.testing.Tokens;
import java.util.Base64;
import java.util.Map;
import org.awaitility.Awaitility;

/** Requests as a real user with a real Keycloak token, and small helpers the tests share. */
public final class Api {
    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user));
    }

    /** The OIDC subject of {@code user}: the owner id in rows and events. */
    public static String sub(String user) {
        String payload = Tokens.accessToken(user).split("\\.")[1];
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(payload))).getString("sub");
    }

    /** Creates a crawl job as {@code user} and returns its id. */
    public static String createJob(String user, int maxProducts) {
        return as(user).contentType(ContentType.JSON)
                .body(Map.of("shopUrl", "https://shop.example/", "templateId", "default",
                        "crawlerConfig", Map.of("maxProducts", maxProducts)))
                .post("/api/jobs").then().statusCode(202).extract().path("id");
    }

    /**
     * Creates a crawl job and waits until its job:created came back through job.events, as it
     * has before any worker can answer its crawl request (the outbox sends them in this order).
     */
    public static String createAnnouncedJob(String user, int maxProducts) {
        String id = createJob(user, maxProducts);
        Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> job(user, id).getString("position") != null);
        return id;
    }

    public static JsonPath job(String user, String id) {
        return as(user).get("/api/jobs/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the job (as {@code user} sees it) has {@code status}. */
    public static JsonPath awaitStatus(String user, String id, String status) {
        Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> status.equals(job(user, id).getString("status")));
        return job(user, id);
    }
}
