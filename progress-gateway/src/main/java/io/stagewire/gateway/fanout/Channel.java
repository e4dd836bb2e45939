package io.stagewire.gateway.fanout;

import io.stagewire.events.JobIds;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A channel a client subscribes to: {@code job:ID} (one job's events) or {@code user:SUB} (all
 * events of a user's jobs). The name is also the key of the channel index.
 */
public record Channel(Kind kind, String id, String name) {
    private static final String JOB = "job:";
    private static final String USER = "user:";
    // An OIDC sub is any string; we accept 1-255 printable, non-blank characters.
    private static final Pattern SUB = Pattern.compile("[^\\s\\p{Cntrl}]{1,255}");

    public enum Kind { JOB, USER }

    public static Channel job(String jobId) {
        return new Channel(Kind.JOB, jobId, JOB + jobId);
    }

    public static Channel user(String sub) {
        return new Channel(Kind.USER, sub, USER + sub);
    }

    /** The channel of this name, or empty when it is not a valid channel name. */
    public static Optional<Channel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.startsWith(JOB) && JobIds.isValid(name.substring(JOB.length()))) {
            return Optional.of(job(name.substring(JOB.length())));
        }
        if (name.startsWith(USER) && SUB.matcher(name.substring(USER.length())).matches()) {
            return Optional.of(user(name.substring(USER.length())));
        }
        return Optional.empty();
    }

    public static String jobChannelName(String jobId) {
        return JOB + jobId;
    }

    public static String userChannelName(String sub) {
        return USER + sub;
    }

    public boolean isJob() {
        return kind == Kind.JOB;
    }
}
