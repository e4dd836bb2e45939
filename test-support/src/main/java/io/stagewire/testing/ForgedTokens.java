package io.stagewire.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens an attacker could present (the attack catalogue, docs/security.md): each one must be refused with 401 by
 * every endpoint. Two are made here from a real token (no signature at all; a signature by a key the realm never
 * had, under the realm's own key id), two are real tokens of the running provider that are not for Stagewire (another
 * realm's, so another issuer and key; this realm's, issued to another client, so without Stagewire's audience), and
 * one is a real token for Stagewire that has expired (a stolen token replayed too late).
 */
public final class ForgedTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int SHORT_LIFESPAN_SECONDS = 3;
    // Named by its lifespan: a provider that kept an earlier probe client with another lifespan gets a new one.
    private static final String SHORT_LIVED_CLIENT = "stagewire-expiry-probe-" + SHORT_LIFESPAN_SECONDS + "s";
    private static final Map<String, String> EXPIRED = new java.util.HashMap<>();

    private ForgedTokens() {
    }

    /** Every kind, by a name that says what it is, made from {@code user}'s real token. */
    public static Map<String, String> all(String user) {
        String real = Tokens.accessToken(user);
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg none, no signature", unsigned(real));
        forged.put("signed by another key under the realm's key id", signedByAnotherKey(real));
        forged.put("the master realm's (another issuer and key)", ofAnotherRealm());
        forged.put("issued to another client (no stagewire audience)", forAnotherClient(user));
        forged.put("expired (for stagewire, lived " + SHORT_LIFESPAN_SECONDS + " s)", expired(user));
        return forged;
    }

    /**
     * A real token of this realm with Stagewire's audience, waited out until it has expired. The realm's tokens live
     * 5 minutes, so it comes from {@link #shortLived}; one is made per JVM and kept, since waiting is the cost.
     */
    public static synchronized String expired(String user) {
        return EXPIRED.computeIfAbsent(user, u -> {
            String token = shortLived(u);
            // exp is in whole seconds; a little past it, so that no clock rounding makes it valid again.
            try {
                Thread.sleep(Math.max(0, expiresAtMillis(token) + 1_100 - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return token;
        });
    }

    /**
     * A real token for {@code user} with Stagewire's audience that lives {@value #SHORT_LIFESPAN_SECONDS} seconds,
     * from a client made here (once per provider) with that token lifespan; the realm file that deployments import
     * is not touched.
     */
    public static String shortLived(String user) {
        String realm = StackUnderTest.oidcRealmUrl();
        ensureShortLivedClient(realm.replace("/realms/", "/admin/realms/"), ofAnotherRealm());
        return grant(realm, SHORT_LIVED_CLIENT, user, user);
    }

    /** The token's {@code exp} claim in epoch milliseconds. */
    public static long expiresAtMillis(String token) {
        return part(token, 1).path("exp").asLong() * 1000;
    }

    private static void ensureShortLivedClient(String adminRealmUrl, String adminToken) {
        ObjectNode client = JSON.createObjectNode().put("clientId", SHORT_LIVED_CLIENT).put("enabled", true)
                .put("publicClient", true).put("standardFlowEnabled", false).put("directAccessGrantsEnabled", true);
        client.putObject("attributes").put("access.token.lifespan", String.valueOf(SHORT_LIFESPAN_SECONDS));
        ObjectNode audience = client.putArray("protocolMappers").addObject().put("name", "stagewire-audience")
                .put("protocol", "openid-connect").put("protocolMapper", "oidc-audience-mapper");
        audience.putObject("config").put("included.custom.audience", "stagewire").put("access.token.claim", "true");
        HttpRequest create = HttpRequest.newBuilder(URI.create(adminRealmUrl + "/clients"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.toString())).build();
        try {
            int status = HTTP.send(create, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("cannot create client " + SHORT_LIVED_CLIENT + ": " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("OIDC provider's admin API not reachable at " + adminRealmUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same claims with {@code "alg":"none"} and an empty signature. */
    public static String unsigned(String token) {
        ObjectNode header = part(token, 0);
        header.put("alg", "none");
        return encode(header) + "." + token.split("\\.")[1] + ".";
    }

    /** The same header (its {@code kid} included) and claims, signed RS256 by a key nobody published. */
    public static String signedByAnotherKey(String token) {
        String[] parts = token.split("\\.");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return parts[0] + "." + parts[1] + "." + URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real access token of the provider's master realm: the bootstrap admin's, through admin-cli. */
    public static String ofAnotherRealm() {
        String realm = StackUnderTest.oidcRealmUrl();
        return grant(realm.substring(0, realm.lastIndexOf('/') + 1) + "master", "admin-cli", "admin", "admin");
    }

    /** A real access token of Stagewire's realm for {@code user}, issued to the realm's admin-cli client instead of ours. */
    public static String forAnotherClient(String user) {
        return grant(StackUnderTest.oidcRealmUrl(), "admin-cli", user, user);
    }

    private static String grant(String realmUrl, String client, String user, String password) {
        return Tokens.passwordGrant(realmUrl, client, user, password).path("access_token").asText();
    }

    private static ObjectNode part(String token, int index) {
        try {
            return (ObjectNode) JSON.readTree(URL_DECODER.decode(token.split("\\.")[index]));
        } catch (IOException e) {
            throw new IllegalStateException("not a JWT", e);
        }
    }

    private static String encode(ObjectNode node) {
        try {
            return URL.encodeToString(JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
