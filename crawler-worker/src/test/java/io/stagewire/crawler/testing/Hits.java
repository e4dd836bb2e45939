package io.stagewire.crawler.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Asks the {@link FixtureSites} how often they were requested. */
public final class Hits {

    private Hits() {
    }

    public static int onFixtureShop(String shopUrl, String path) {
        return ask(shopUrl + "/__hits?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }

    public static int onInternalSite(String shopUrl) {
        return ask(shopUrl + "/__hits?server=internal");
    }

    private static int ask(String url) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return Integer.parseInt(client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
