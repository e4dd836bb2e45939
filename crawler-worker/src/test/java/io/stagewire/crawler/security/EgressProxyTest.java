package io.stagewire.crawler.security;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.crawler.config.CrawlerWorkerConfig;
import io.stagewire.crawler.testing.Hits;
import io.stagewire.crawler.testing.TestSites;

/** The proxy Chromium talks through, driven by the JDK's HTTP client as a stand-in browser. */
@Tag("attack")
@QuarkusTest
@WithTestResource(TestSites.class)
class EgressProxyTest {

    // TEST-NET-2 (RFC 5737): public to the guard, and no host ever answers it.
    private static final String UNREACHABLE_PUBLIC = "198.51.100.7";

    @Inject
    EgressProxy proxy;

    @Inject
    CrawlerWorkerConfig config;

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

    /**
     * DNS rebinding: the name answers a public address when the guard asks, and loopback to anyone asking later. The
     * proxy must connect to the address it vetted (here one that no host answers, so the request fails with a 502)
     * and never to what the name resolves to afterwards: a listener on that loopback address sees no connection.
     * A proxy that handed the name on to its HTTP client or tunnel would resolve it again through the system's DNS,
     * where {@code localhost} is 127.0.0.1, and be caught.
     */
    @Test
    void connectsOnlyToTheAddressItVettedWhenTheNameLaterResolvesToLoopback() throws Exception {
        try (ServerSocket loopback = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            AtomicInteger connections = new AtomicInteger();
            Thread.ofVirtual().start(() -> {
                while (!loopback.isClosed()) {
                    try (Socket accepted = loopback.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            AtomicInteger lookups = new AtomicInteger();
            HostResolver rebinding = host -> host.equals("localhost")
                    ? new InetAddress[] {InetAddress.getByName(lookups.getAndIncrement() == 0 ? UNREACHABLE_PUBLIC : "127.0.0.1")}
                    : HostResolver.SYSTEM.resolve(host);
            EgressProxy rebound = new EgressProxy(new UrlGuard(List.of(), rebinding), config);
            try (HttpClient client = clientThroughProxy(rebound)) {
                String target = "localhost:" + loopback.getLocalPort();
                HttpResponse<String> plain = client.send(get("http://" + target + "/"), HttpResponse.BodyHandlers.ofString());
                assertThat(plain.statusCode()).as("the vetted address does not answer").isIn(502, 504);
                lookups.set(0);
                assertThatThrownBy(() -> client.send(get("https://" + target + "/"), HttpResponse.BodyHandlers.ofString()))
                        .as("a tunnel to the vetted address fails too").isInstanceOf(IOException.class);
                assertThat(connections).as("connections that reached the loopback listener").hasValue(0);
            } finally {
                rebound.stop();
            }
        }
    }

    /** Each browser context has a listener of its own: what it refuses is told to that context's crawl, and to no other. */
    @Test
    void aListenerReportsItsOwnRefusalsAndStopsListeningWhenClosed() throws Exception {
        List<String> mine = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> others = new java.util.concurrent.CopyOnWriteArrayList<>();
        URI listenerUrl;
        try (EgressProxy.Listener listener = proxy.open((target, reason) -> mine.add(target + " " + reason));
             EgressProxy.Listener other = proxy.open((target, reason) -> others.add(target));
             HttpClient client = clientThroughProxy(URI.create(listener.url()))) {
            listenerUrl = URI.create(listener.url());
            assertThat(other.url()).isNotEqualTo(listener.url());

            HttpResponse<String> allowed = client.send(get(shop + "/p/ok/"), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> refused = client.send(get(internal + "/secret"), HttpResponse.BodyHandlers.ofString());
            assertThatThrownBy(() -> client.send(get(internal.replace("http:", "https:") + "/"),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);

            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(refused.statusCode()).isEqualTo(403);
            // A tunnel is asked for by host:port (CONNECT): the proxy never sees an https URL's path.
            assertThat(mine).containsExactly(
                    internal + "/secret host 127.0.0.3 resolves to a loopback address",
                    URI.create(internal).getAuthority() + " host 127.0.0.3 resolves to a loopback address");
            assertThat(others).isEmpty();
        }
        // close() waits up to a second for the port to close; a busy box may take longer.
        long deadline = System.nanoTime() + 10_000_000_000L;
        boolean refused = false;
        while (!refused && System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(listenerUrl.getHost(), listenerUrl.getPort()), 2000);
                Thread.sleep(100);
            } catch (IOException e) {
                refused = true;
            }
        }
        assertThat(refused).as("a closed listener's port refuses connections").isTrue();
    }

    private HttpClient clientThroughProxy() {
        return clientThroughProxy(proxy);
    }

    private static HttpClient clientThroughProxy(EgressProxy proxy) {
        return clientThroughProxy(URI.create(proxy.url()));
    }

    private static HttpClient clientThroughProxy(URI proxyUrl) {
        return HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress(proxyUrl.getHost(), proxyUrl.getPort())))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).build();
    }
}
