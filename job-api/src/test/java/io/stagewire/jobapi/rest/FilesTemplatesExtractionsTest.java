package io.stagewire.jobapi.rest;

import static io.restassured.RestAssured.given;
import static io.stagewire.jobapi.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.stagewire.events.Topics;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.events.work.WorkMessages;
import io.stagewire.jobapi.support.Kafka;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Extractions store images as files; files come back with type, ETag and caching; label templates. */
@QuarkusTest
class FilesTemplatesExtractionsTest {

    private static byte[] png(int width) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void extractionStoresImagesAndSendsOneOcrOnlyRequestEach() throws Exception {
        byte[] first = png(10);
        byte[] second = png(20);
        String id;
        List<Map<String, Object>> screenshots;
        try (Kafka.Tail ocr = Kafka.tail(Topics.OCR_REQUESTS)) {
            id = as("bob").multiPart("images", "one.png", first, "image/png").multiPart("images", "two.png", second, "application/octet-stream")
                    .post("/api/extractions")
                    .then().statusCode(202).body("kind", equalTo("extraction")).body("expectedItems", equalTo(2)).body("status", equalTo("pending"))
                    .extract().path("id");
            screenshots = as("bob").get("/api/jobs/" + id + "/screenshots").then().statusCode(200).extract().jsonPath().getList("$");
            assertThat(screenshots).extracting(s -> s.get("productName")).containsExactly("one.png", "two.png");
            for (Map<String, Object> s : screenshots) {
                OcrRequest request = WorkMessages.read(ocr.await((String) s.get("id"), 1, Duration.ofSeconds(10)).get(0).value(), OcrRequest.class);
                assertThat(request.ocrOnly()).isTrue();
                assertThat(request.jobId()).isEqualTo(id);
                assertThat(request.fileId()).isEqualTo(s.get("fileId"));
            }
        }

        String fileUrl = (String) screenshots.get(1).get("url");
        String sha256 = HexFormat.of().formatHex(sha256(second));
        ExtractableResponse<Response> file = as("bob").get(fileUrl).then().statusCode(200)
                .contentType("image/png")
                .header("ETag", "\"" + sha256 + "\"")
                .header("Cache-Control", equalTo("private, max-age=86400"))
                .extract();
        assertThat(file.asByteArray()).isEqualTo(second);
        as("bob").header("If-None-Match", "\"" + sha256 + "\"").get(fileUrl).then().statusCode(304).header("ETag", "\"" + sha256 + "\"");
        as("bob").header("If-None-Match", "W/\"other\", \"" + sha256 + "\"").get(fileUrl).then().statusCode(304);
        as("bob").header("If-None-Match", "\"stale\"").get(fileUrl).then().statusCode(200);
        as("carol").get(fileUrl).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        as("alice").get(fileUrl).then().statusCode(200);
        as("bob").get("/api/files/no-such-file").then().statusCode(404);
    }

    @Test
    void extractionRefusesWhatIsNotAnImageAndEmptyRequests() {
        as("bob").multiPart("images", "notes.png", "just text".getBytes(), "image/png").post("/api/extractions")
                .then().statusCode(415).body("detail", equalTo("'notes.png' is not a PNG or JPEG image"));
        as("bob").multiPart("other", "x").post("/api/extractions").then().statusCode(400).body("errors[0].field", equalTo("images"));
    }

    @Tag("attack")
    @Test
    void extractionRefusesMoreThanTwentyImagesAndAnImageOverTenMegabytesWithTheLimit() throws IOException {
        var tooMany = as("bob");
        byte[] small = png(10);
        for (int i = 0; i < 21; i++) {
            tooMany = tooMany.multiPart("images", "p" + i + ".png", small, "image/png");
        }
        tooMany.post("/api/extractions").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("images")).body("detail", equalTo("21 images; at most 20 per extraction"));

        byte[] large = Arrays.copyOf(small, 10 * 1024 * 1024 + 1);
        as("bob").multiPart("images", "large.png", large, "image/png").post("/api/extractions")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("'large.png' is 10485761 bytes, the limit is 10485760"));
    }

    @Tag("attack")
    @Test
    void defaultTemplateExistsAndOwnTemplatesAreOnlyTheirOwners() {
        as("carol").get("/api/label-templates").then().statusCode(200)
                .body("[0].id", equalTo("default")).body("[0].builtIn", equalTo(true)).body("[0].widthMm", equalTo(58));

        String id = as("bob").contentType(ContentType.JSON)
                .body(Map.of("name", "Price tag 40x30", "widthMm", 40, "heightMm", 30, "barcodeFormat", "CODE_128"))
                .post("/api/label-templates")
                .then().statusCode(201).body("builtIn", equalTo(false)).body("currency", equalTo("EUR")).body("fontSizePt", equalTo(10))
                .extract().path("id");
        as("bob").get("/api/label-templates/" + id).then().statusCode(200).body("name", equalTo("Price tag 40x30"));
        as("carol").get("/api/label-templates/" + id).then().statusCode(404);
        as("carol").get("/api/label-templates").then().body("id", not(hasItem(id)));
        as("bob").contentType(ContentType.JSON).body(Map.of("shopUrl", "https://shop.example/", "templateId", id))
                .post("/api/jobs").then().statusCode(202);
        as("carol").contentType(ContentType.JSON).body(Map.of("shopUrl", "https://shop.example/", "templateId", id))
                .post("/api/jobs").then().statusCode(400).body("errors[0].field", equalTo("templateId"));

        as("bob").contentType(ContentType.JSON).body(Map.of("name", "", "widthMm", 5, "heightMm", 30, "barcodeFormat", "QR"))
                .post("/api/label-templates")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.field", equalTo(List.of("barcodeFormat", "name", "widthMm")));
        given().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/api/label-templates").then().statusCode(401);
    }

    private static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }
}
