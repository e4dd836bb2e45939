package io.stagewire.events;

import java.util.regex.Pattern;

/** Job ids are opaque: 1-128 characters of {@code A-Za-z0-9._:-}. Ours are UUIDs, other systems bring their own. */
public final class JobIds {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private JobIds() {
    }

    public static boolean isValid(String jobId) {
        return jobId != null && VALID.matcher(jobId).matches();
    }
}
