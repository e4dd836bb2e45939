package io.stagewire.events;

import java.util.regex.Pattern;

/** Job ids are opaque: 1-128 characters of {@code A-Za-z0-9._:-}, not "." or "..". Ours are UUIDs, other systems bring their own. */
public final class JobIds {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private JobIds() {
    }

    /**
     * A job id goes into URL paths ({@code /api/jobs/{id}}, the gateway's calls to job-api): "." and ".." would be
     * dot-segments there, which path normalisation turns into the job list or its parent, so they are not job ids.
     */
    public static boolean isValid(String jobId) {
        return jobId != null && VALID.matcher(jobId).matches() && !jobId.equals(".") && !jobId.equals("..");
    }
}
