package io.stagewire.jobapi.dashboard;

import static io.restassured.RestAssured.given;
import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.jobapi.rest.Problem;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.JobEventsConsumerReady;
import io.stagewire.jobapi.support.Kafka;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The dashboard's page and settings are public; its labels.zip download is the API's, owner-checked. */
@QuarkusTest
class DashboardServingTest {

    @Test
    void pageAndDeepLinksServeTheSameIndexWithoutAToken() {
        String index = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache").extract().asString();
        assertThat(index).contains("/static/bundle/app-").doesNotContain("{#bundle");
        for (String deepLink : List.of("/jobs", "/jobs/5f0e8b1e-2d0e-4c1b-9f65-4f1b8f0f7a11", "/images/")) {
            given().get(deepLink).then().statusCode(200).contentType(containsString("text/html"))
                    .header("Cache-Control", "no-cache").body(equalTo(index));
        }
        given().get("/api/jobs").then().statusCode(401);
    }

    @Test
    void thePageMayRunOnlyItsOwnCodeAndTalkOnlyToTheApiTheProviderAndTheGateway() {
        given().get("/jobs").then().statusCode(200)
                .header("Content-Security-Policy", allOf(containsString("script-src 'self';"),
                        containsString("style-src 'self';"),
                        containsString("connect-src 'self' http://localhost:8180 ws://localhost:8090;"),
                        containsString("frame-ancestors 'none'")));
    }

    @Test
    void configNamesTheIssuerThePublicClientAndTheGateway() {
        given().get("/dashboard/config.json").then().statusCode(200)
                .body("issuer", equalTo("http://localhost:8180/realms/stagewire"))
                .body("clientId", equalTo("dashboard"))
                .body("gatewayUrl", equalTo("ws://localhost:8090/ws"));
    }

    private static byte[] png(int width) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void labelsZipHoldsEveryGeneratedLabelOnceForItsOwnerOnly() throws IOException {
        JobEventsConsumerReady.await();
        // Two stored files of bob's to stand in for a label's PNG and PDF.
        String extraction = as("bob").multiPart("images", "a.png", png(11), "image/png").multiPart("images", "b.png", png(12), "image/png")
                .post("/api/extractions").then().statusCode(202).extract().path("id");
        List<String> files = as("bob").get("/api/jobs/" + extraction + "/screenshots").then().statusCode(200).extract().path("fileId");

        String id = Api.createAnnouncedJob("bob", 3);
        label(id, "l1", "s1", "A-100", files.get(0), files.get(1));
        label(id, "l2", "s2", "A-100", files.get(1), files.get(0)); // same article: a second name
        send(EventType.LABEL_FAILED, id, Map.of("screenshotId", "s3", "reason", "no barcode"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> as("bob").get("/api/jobs/" + id + "/labels").then().extract().jsonPath().getList("$").size() == 3);

        byte[] zip = as("bob").get("/api/jobs/" + id + "/labels.zip").then().statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"labels-" + id + ".zip\"")
                .extract().asByteArray();
        Map<String, Integer> sizes = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                sizes.put(e.getName(), in.readAllBytes().length);
            }
        }
        assertThat(sizes).containsOnlyKeys("A-100.pdf", "A-100.png", "A-100-2.pdf", "A-100-2.png");
        assertThat(sizes.get("A-100.png")).isEqualTo(png(11).length);

        as("carol").get("/api/jobs/" + id + "/labels.zip").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as("alice").get("/api/jobs/" + id + "/labels.zip").then().statusCode(200);
        given().get("/api/jobs/" + id + "/labels.zip").then().statusCode(401);
    }

    private static void label(String jobId, String labelId, String screenshotId, String article, String png, String pdf) {
        send(EventType.LABEL_GENERATED, jobId, Map.of("labelId", labelId, "screenshotId", screenshotId, "articleNumber", article,
                "pngFileId", png, "pdfFileId", pdf));
    }

    private static void send(EventType type, String jobId, Map<String, Object> data) {
        Kafka.send(StageEvent.of(type, "/stagewire/label-worker", jobId, sub("bob"), StageEventJson.mapper().valueToTree(data)));
    }
}
