package io.stagewire.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tokens an attacker could present (the attack catalogue, docs/security.md): each one must be refused with 401 by
 * every endpoint. Two are made here from a real token (no signature at all; a signature by a key the realm never
 * had, under the realm's own key id), two are real tokens of the running provider that are not for Stagewire (another
 * realm's, so another issuer and key; this realm's, issued to another client, so without Stagewire's audience).
 */
public final class ForgedTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

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
        return forged;
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
