package io.stagewire.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;

/** Reads (does not verify) the claims of a JWT: tests need a user's sub, the job-api double needs the caller. */
public final class Jwt {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwt() {
    }

    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    public static String sub(String token) {
        return claims(token).path("sub").asText();
    }

    public static boolean isAdmin(String token) {
        for (JsonNode role : claims(token).path("realm_access").path("roles")) {
            if ("admin".equals(role.asText())) {
                return true;
            }
        }
        return false;
    }

    /** The token with its payload replaced, signature kept: a forgery the gateway must refuse. */
    public static String forge(String token, String claim, String value) {
        String[] parts = token.split("\\.");
        com.fasterxml.jackson.databind.node.ObjectNode payload = (com.fasterxml.jackson.databind.node.ObjectNode) claims(token);
        payload.put(claim, value);
        try {
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(payload));
            return parts[0] + "." + encoded + "." + parts[2];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
