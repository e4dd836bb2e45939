package io.stagewire.gateway.fanout;

/**
 * Who is subscribing, taken from the verified access token (auth.Viewers).
 *
 * @param sub   the token's subject: the user's own channel is {@code user:} + sub
 * @param admin role {@code admin} may subscribe to any channel
 * @param token the raw access token, passed on to job-api so that job-api applies its own rules
 * @param expiresAtSeconds the token's {@code exp}
 */
public record Viewer(String sub, boolean admin, String token, long expiresAtSeconds) {
}
