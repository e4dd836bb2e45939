package io.stagewire.gateway.fanout;

import java.util.List;
import java.util.Map;

/**
 * What to send before a subscription goes live: {@code subscribed} (with {@code position} and
 * {@code recovered}), an optional snapshot, the events from before the log ({@code beforeLog}:
 * from the job's in-memory window, or job-api's history for offsets Kafka no longer holds), then
 * per partition the log from {@code from} up to the seam.
 *
 * @param reflectedInSnapshot per job, the last offset a user snapshot already reflects: not replayed again
 */
record SubscriptionPlan(long[] from, String position, boolean recovered, Frame snapshot,
                        Map<String, Long> reflectedInSnapshot, List<Frame> beforeLog) {
}
