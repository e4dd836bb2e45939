package io.stagewire.jobapi.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.testing.ForgedTokens;
import io.stagewire.testing.Tokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real tokens from the running Keycloak: no token, a forged one and a real one. */
@QuarkusTest
class MeResourceTest {

    @Test
    void withoutTokenIsUnauthorized() {
        given().when().get("/api/me").then().statusCode(401);
    }

    @Test
    void forgedTokenIsUnauthorized() {
        String real = Tokens.accessToken("bob");
        String[] parts = real.split("\\.");
        // Same header and claims, someone else's signature.
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        given().auth().oauth2(forged).when().get("/api/me").then().statusCode(401);
    }

    @Tag("attack")
    @Test
    void forgedForeignAndExpiredTokensAreUnauthorized() {
        ForgedTokens.all("bob").forEach((kind, token) ->
                assertThat(given().auth().oauth2(token).when().get("/api/me").statusCode()).as(kind).isEqualTo(401));
    }

    /** The expired token of {@link ForgedTokens#all} is refused for its expiry alone: the same kind works before. */
    @Tag("attack")
    @Test
    void aShortLivedTokenWorksUntilItExpires() throws InterruptedException {
        String token = ForgedTokens.shortLived("bob");
        for (int attempt = 1; System.currentTimeMillis() > ForgedTokens.expiresAtMillis(token) - 1_000 && attempt < 5; attempt++) {
            token = ForgedTokens.shortLived("bob"); // a slow turn ate its life before it could be tried
        }
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200).body("username", equalTo("bob"));
        Thread.sleep(Math.max(0, ForgedTokens.expiresAtMillis(token) + 1_100 - System.currentTimeMillis()));
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(401);
    }

    @Tag("attack")
    @Test
    void aTokenInTheUrlIsNotAccepted() {
        String real = Tokens.accessToken("bob");
        given().queryParam("access_token", real).when().get("/api/me").then().statusCode(401);
        given().queryParam("token", real).when().get("/api/jobs").then().statusCode(401);
    }

    @Test
    void realTokenIdentifiesTheUserAndRoles() {
        given().auth().oauth2(Tokens.accessToken("bob"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("bob"))
                .body("sub", not(emptyOrNullString()))
                .body("roles", hasItem("user"))
                .body("roles", not(hasItem("admin")));
    }

    @Test
    void adminRoleComesFromTheRealm() {
        given().auth().oauth2(Tokens.accessToken("alice"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("username", equalTo("alice"))
                .body("roles", hasItems("admin", "user"));
    }
}
