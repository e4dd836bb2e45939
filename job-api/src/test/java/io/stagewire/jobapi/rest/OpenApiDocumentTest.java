package io.stagewire.jobapi.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is served and documents the API; it is also written to
 * target/openapi.yaml for {@code npx @redocly/cli lint} (docs/api.md).
 */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void documentIsServedWithEveryEndpointAndBearerSecurity() throws IOException {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/jobs'.post.operationId", equalTo("createJob"))
                .body("paths.'/api/jobs/{id}/events'.get.operationId", equalTo("listJobEvents"))
                .body("paths.'/api/files/{id}'.get.responses.'304'", notNullValue())
                .body("paths.'/api/price-lists'.post.responses.'422'.content.'application/problem+json'", notNullValue())
                .body("components.schemas.Problem", notNullValue())
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"))
                // public, and saying so (redocly's security-defined rule)
                .body("paths.'/dashboard/config.json'.get.security", org.hamcrest.Matchers.empty())
                .body("paths.'/api/jobs'.get.security", org.hamcrest.Matchers.not(org.hamcrest.Matchers.empty()));
        String yaml = given().get("/q/openapi").then().statusCode(200).extract().asString();
        Files.writeString(Path.of("target", "openapi.yaml"), yaml);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
