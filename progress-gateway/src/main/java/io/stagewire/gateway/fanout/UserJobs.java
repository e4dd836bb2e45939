package io.stagewire.gateway.fanout;

import java.util.List;

/** A user's active jobs as the gateway knew them at a subscription's seam; {@code jobs} null when not read from memory. */
record UserJobs(List<JobDirectory.SeenJob> jobs) {
    static final UserJobs NOT_READ = new UserJobs(null);
}
