package io.stagewire.jobapi.rest;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Shop URL rule and If-None-Match matching, without a server. */
@Tag("attack")
class RequestRulesTest {
    private final ShopUrl.Validator shopUrl = new ShopUrl.Validator();

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example/", "http://127.0.0.1:8094/products?page=2", "HTTPS://Shop.Example"})
    void shopUrlsThatAreFine(String url) {
        assertThat(shopUrl.isValid(url, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "https://a:b@shop.example/", "https://@shop.example/", "//shop.example", "https://"})
    void shopUrlsThatAreNot(String url) {
        assertThat(shopUrl.isValid(url, null)).isFalse();
    }

    @Test
    void ifNoneMatchIsComparedWeakly() {
        assertThat(FileResource.matches("\"abc\"", "abc")).isTrue();
        assertThat(FileResource.matches("W/\"abc\"", "abc")).isTrue();
        assertThat(FileResource.matches("\"x\", \"abc\"", "abc")).isTrue();
        assertThat(FileResource.matches("*", "abc")).isTrue();
        assertThat(FileResource.matches("\"abcd\"", "abc")).isFalse();
        assertThat(FileResource.matches(null, "abc")).isFalse();
    }
}
