package io.stagewire.jobapi.rest;

import static io.restassured.RestAssured.given;
import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Workbooks.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/price-lists with .xlsx files made by POI: header detection, precise row errors, limits. */
@QuarkusTest
class PriceListResourceTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void germanHeadersBelowATitleAreFoundAndRowsStored() {
        byte[] file = xlsx(
                new Object[]{"Preisliste Herbst"},
                new Object[]{},
                new Object[]{"Art.-Nr.", "Bezeichnung", "Preis (EUR)", "EAN"},
                new Object[]{"A-100", "Earl Grey 100 g", 4.99, "4006381333931"},
                new Object[]{20034, "Assam 250 g", "12,50", null},
                new Object[]{},
                new Object[]{"A-300", "Rooibos", "1.234,50 €", 4006381333931L});
        io.restassured.response.ValidatableResponse created = as("bob").multiPart("file", "herbst.xlsx", file, XLSX)
                .multiPart("name", "Herbst")
                .post("/api/price-lists")
                .then().statusCode(201)
                .body("name", equalTo("Herbst"))
                .body("rowCount", equalTo(3));
        String id = created.extract().path("id");

        // The Location of the new list answers, for its owner only.
        String location = created.extract().header("Location");
        assertThat(location).endsWith("/api/price-lists/" + id);
        as("bob").get("/api/price-lists/" + id).then().statusCode(200).body("id", equalTo(id)).body("rowCount", equalTo(3));
        as("carol").get("/api/price-lists/" + id).then().statusCode(404);
        as("alice").get("/api/price-lists/" + id).then().statusCode(200);

        as("bob").get("/api/price-lists").then().statusCode(200).body("id", hasItem(id));
        as("carol").get("/api/price-lists").then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(id)));
        // usable for bob's jobs, not for carol's
        Map<String, Object> job = Map.of("shopUrl", "https://shop.example/", "templateId", "default", "priceListId", id);
        as("bob").contentType(ContentType.JSON).body(job).post("/api/jobs").then().statusCode(202).body("priceListId", equalTo(id));
        as("carol").contentType(ContentType.JSON).body(job).post("/api/jobs").then().statusCode(400).body("errors[0].field", equalTo("priceListId"));
    }

    @Test
    void englishHeadersInAnyOrder() {
        byte[] file = xlsx(new Object[]{"Price", "SKU", "Product name"}, new Object[]{19.9, "X1", "Green tea"});
        as("bob").multiPart("file", "en.xlsx", file, XLSX).post("/api/price-lists")
                .then().statusCode(201).body("rowCount", equalTo(1)).body("name", equalTo("en.xlsx"));
    }

    @Test
    void badRowsAreNamedWithRowAndReason() {
        byte[] file = xlsx(
                new Object[]{"Artikelnummer", "Name", "Preis", "EAN"},
                new Object[]{"A-1", "Tea", "abc", null},
                new Object[]{"A-2", "", 3, null},
                new Object[]{"A-3", "Cup", 2, "4006381333932"},
                new Object[]{"A-3", "Cup again", 2, null});
        as("bob").multiPart("file", "bad.xlsx", file, XLSX).post("/api/price-lists")
                .then().statusCode(422)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://stagewire.io/problems/invalid-spreadsheet"))
                .body("detail", equalTo("4 problems, first: row 2: price 'abc' is not a number"))
                .body("errors", hasSize(4))
                .body("errors[1].row", equalTo(3)).body("errors[1].field", equalTo("name"))
                .body("errors[2].row", equalTo(4)).body("errors[2].field", equalTo("ean"))
                .body("errors[3].message", equalTo("article number 'A-3' is already in row 4"));
    }

    @Test
    void sheetWithoutHeaderOrRowsIsRejected() {
        as("bob").multiPart("file", "none.xlsx", xlsx(new Object[]{"foo", "bar"}, new Object[]{1, 2}), XLSX).post("/api/price-lists")
                .then().statusCode(422).body("detail", startsWith("no header row naming article number, name and price"));
        as("bob").multiPart("file", "empty.xlsx", xlsx(new Object[]{"SKU", "Name", "Price"}), XLSX).post("/api/price-lists")
                .then().statusCode(422).body("detail", equalTo("the price list has a header in row 1 but no articles"));
    }

    @Test
    void notAWorkbookTooLargeOrMissingFile() {
        as("bob").multiPart("file", "list.xlsx", "Artikel;Preis\nA;1".getBytes(), XLSX).post("/api/price-lists")
                .then().statusCode(415).body("detail", startsWith("the file is not an .xlsx workbook"));
        as("bob").multiPart("file", "huge.xlsx", new byte[5 * 1024 * 1024 + 1], XLSX).post("/api/price-lists")
                .then().statusCode(413).body("detail", equalTo("'huge.xlsx' is 5242881 bytes, the limit is 5242880"));
        as("bob").multiPart("name", "no file").post("/api/price-lists").then().statusCode(400).body("errors[0].field", equalTo("file"));
        given().multiPart("file", "x.xlsx", new byte[1], XLSX).post("/api/price-lists").then().statusCode(401);
    }
}
