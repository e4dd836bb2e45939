package io.stagewire.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one-pass JWS shape check accepts exactly what the regular expression it replaced accepts. */
class BearerShapeFilterTest {
    private static final Pattern ORACLE = Pattern.compile("[A-Za-z0-9_-]{2,16384}\\.[A-Za-z0-9_-]{2,65536}\\.[A-Za-z0-9_-]{0,16384}");
    private static final String ALPHABET = "ab_-Z9.. +/=\u00e9";

    @Test
    void agreesWithTheRegularExpressionOnEdgeCases() {
        String[] cases = {"", ".", "..", "a.b.c", "ab.cd.", "ab.cd.e", "ab.cd.ef.gh", "ab..ef", ".ab.cd", "ab.cd", "ab.c-_.x",
                "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "ab.cd.e=", "ab.cd.e f", "ab.c d.ef", "ab.cd.e\u00e9",
                "a".repeat(16384) + ".cd.ef", "a".repeat(16385) + ".cd.ef", "ab." + "b".repeat(65536) + ".", "ab." + "b".repeat(65537) + ".",
                "ab.cd." + "c".repeat(16384), "ab.cd." + "c".repeat(16385)};
        for (String token : cases) {
            assertThat(BearerShapeFilter.isJws(token)).as(token.length() > 40 ? token.length() + " chars" : token)
                    .isEqualTo(ORACLE.matcher(token).matches());
        }
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomStrings() {
        Random random = new Random(11);
        int accepted = 0;
        for (int n = 0; n < 20_000; n++) {
            // 1 to 4 parts of 0 to 4 characters, mostly base64url, joined by dots: near the shape, on both sides of it
            StringBuilder token = new StringBuilder();
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                token.append(p > 0 ? "." : "");
                int length = random.nextInt(5);
                for (int i = 0; i < length; i++) {
                    token.append(random.nextInt(10) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : "aZ9_-".charAt(random.nextInt(5)));
                }
            }
            boolean expected = ORACLE.matcher(token).matches();
            accepted += expected ? 1 : 0;
            assertThat(BearerShapeFilter.isJws(token.toString())).as(token.toString()).isEqualTo(expected);
        }
        assertThat(accepted).as("the random strings reach both answers").isGreaterThan(100);
    }
}
