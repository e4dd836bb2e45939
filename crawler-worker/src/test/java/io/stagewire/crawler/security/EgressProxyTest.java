package io.stagewire.crawler.security;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.crawler.testing.Hits;
import io.stagewire.crawler.testing.TestSites;

/** The proxy Chromium talks through, driven by the JDK's HTTP client as a stand-in browser. */
@Tag("attack")
@QuarkusTest
@WithTestResource(TestSites.class)
class EgressProxyTest {

    @Inject
    EgressProxy proxy;

    private final String shop = TestSites.fixtureShop();
    private final String internal = TestSites.internalSite();

    @Test
    void forwardsAllowedRequestsAndPassesRedirectsThrough() throws Exception {
        try (HttpClient client = clientThroughProxy()) {
            HttpResponse<String> page = client.send(get(shop + "/p/ok/?x=1"), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> redirect = client.send(get(shop + "/p/redirect-out/"),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>Product /p/ok/</h1>");
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.headers().firstValue("Location")).hasValue(internal + "/secret");
        }
    }

    @Test
    void refusesPlainHttpToInternalAddressesWithTheReason() throws Exception {
        try (HttpClient client = clientThroughProxy()) {
            HttpResponse<String> refused = client.send(get(internal + "/secret"), HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue(EgressProxy.REFUSAL_HEADER))
                    .hasValue("host 127.0.0.3 resolves to a loopback address");
            assertThat(Hits.onInternalSite(shop)).isZero();
        }
    }

    @Test
    void refusesTunnelsToInternalAddresses() {
        try (HttpClient client = clientThroughProxy()) {
            // An https URL makes the client ask the proxy for a CONNECT tunnel.
            assertThatThrownBy(() -> client.send(get(internal.replace("http:", "https:") + "/"),
                    HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("403");
            assertThat(Hits.onInternalSite(shop)).isZero();
        }
    }

    private HttpClient clientThroughProxy() {
        URI proxyUrl = URI.create(proxy.url());
        return HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress(proxyUrl.getHost(), proxyUrl.getPort())))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).build();
    }
}
