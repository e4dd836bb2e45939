package io.stagewire.gateway.fanout;

/** The codes of {@code error} frames (DESIGN.md, plus {@code unavailable} for a dependency that is down). */
public enum ErrorCode {
    BAD_REQUEST("bad_request"),
    UNAUTHORIZED("unauthorized"),
    FORBIDDEN("forbidden"),
    NOT_FOUND("not_found"),
    RATE_LIMITED("rate_limited"),
    TOO_MANY_SUBSCRIPTIONS("too_many_subscriptions"),
    UNAVAILABLE("unavailable");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
