package io.stagewire.crawler.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The sites the crawler tests visit: the demo shop on :8070 (served from deploy/demo-shop/site when
 * ./stagewire has not started it already) and the {@link FixtureSites}. Hands their URLs and the matching
 * allow-list to the application under test.
 */
public class TestSites implements QuarkusTestResourceLifecycleManager {

    public static final String DEMO_SHOP = "http://localhost:8070";

    private HttpServer demoShop;
    private FixtureSites fixtures;

    @Override
    public Map<String, String> start() {
        try {
            if (!answers(DEMO_SHOP + "/")) {
                // What ./stagewire runs (jwebserver), in process.
                demoShop = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 8070),
                        Path.of("../deploy/demo-shop/site").toAbsolutePath().normalize(),
                        SimpleFileServer.OutputLevel.NONE);
                demoShop.start();
            }
            fixtures = new FixtureSites();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "stagewire.crawler.allow-list", "localhost:8070,127.0.0.1:8070," + fixtures.shopEndpoint(),
                "stagewire.test.fixture-shop", fixtures.shopUrl(),
                "stagewire.test.internal-site", fixtures.internalUrl());
    }

    /** The fixture shop's base URL, as handed to the application under test. */
    public static String fixtureShop() {
        return ConfigProvider.getConfig().getValue("stagewire.test.fixture-shop", String.class);
    }

    /** The base URL of the internal server the crawler must never reach. */
    public static String internalSite() {
        return ConfigProvider.getConfig().getValue("stagewire.test.internal-site", String.class);
    }

    @Override
    public void stop() {
        if (fixtures != null) {
            fixtures.close();
        }
        if (demoShop != null) {
            demoShop.stop(0);
        }
    }

    private static boolean answers(String url) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
