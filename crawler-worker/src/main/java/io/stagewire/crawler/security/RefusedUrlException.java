package io.stagewire.crawler.security;

/** A URL the crawler must not fetch; the message is the precise reason. */
public class RefusedUrlException extends RuntimeException {

    private final String url;
    private final String reason;

    public RefusedUrlException(String url, String reason) {
        super("refused " + url + ": " + reason);
        this.url = url;
        this.reason = reason;
    }

    public String url() {
        return url;
    }

    public String reason() {
        return reason;
    }
}
