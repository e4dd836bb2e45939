package io.stagewire.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the running OIDC provider, through the realm's {@code stagewire-cli}
 * client (direct access grant). The local realm's users have their name as password.
 */
public final class Tokens {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    // A token lives 5 minutes; a test run reuses one per user for a minute to spare Keycloak.
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long fetchedAtMillis) {
    }

    private Tokens() {
    }

    /** A fresh-enough access token for {@code user} (password = user name). */
    public static String accessToken(String user) {
        Cached cached = CACHE.get(user);
        if (cached != null && System.currentTimeMillis() - cached.fetchedAtMillis < 60_000) {
            return cached.token;
        }
        String token = passwordGrant(user, user).path("access_token").asText();
        CACHE.put(user, new Cached(token, System.currentTimeMillis()));
        return token;
    }

    /** The whole token response of a password grant (access_token, refresh_token, expires_in, ...). */
    public static JsonNode passwordGrant(String user, String password) {
        return passwordGrant(StackUnderTest.oidcRealmUrl(), "stagewire-cli", user, password);
    }

    /** A password grant at any realm of the provider, through any client that allows it. */
    public static JsonNode passwordGrant(String realmUrl, String client, String user, String password) {
        String form = Map.of("grant_type", "password", "client_id", client,
                        "username", user, "password", password, "scope", "openid")
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request for " + user + " as " + client + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("OIDC provider not reachable at " + realmUrl
                    + " (is the stack up? ./stagewire test starts it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
