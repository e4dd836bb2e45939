package io.stagewire.gateway.fanout;

import java.util.function.IntToLongFunction;

/**
 * The decisions of subscription set-up, without I/O: every fact that costs a call is handed in as
 * a function and asked only when the decision needs it (a resume inside the window never reads
 * the log's bounds). Unit-tested on their own (ResumeRulesTest); SubscriptionPlanner does the I/O.
 */
final class ResumeRules {
    /** Where the events of a job resume come from. */
    enum JobSource {
        /** All of them are in the job's in-memory window. */
        WINDOW,
        /** Kafka still holds them (or the live stream is already past the position). */
        LOG,
        /** Some are older than the log: job-api's history first, then the log. */
        JOB_API_THEN_LOG
    }

    private ResumeRules() {
    }

    /**
     * True for a token from another log: another epoch (a recreated topic, another cluster), or,
     * without an epoch, offsets past the end of the log. Taken as a floor, such a token would hold
     * back every new event below it. Being ahead of this replica's live stream is normal (a resume
     * from a faster replica): only then is the log's end asked.
     */
    static boolean isFromAnotherLog(ResumeFrom since, long[] seam, Positions positions, IntToLongFunction logEnd) {
        if (since.isFromAnotherEpoch(positions)) {
            return true;
        }
        for (int p = 0; p < seam.length; p++) {
            if (since.next()[p] > seam[p] && since.next()[p] > logEnd.applyAsLong(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param next          the first offset the client has not seen
     * @param seam          the first offset the live stream will deliver to the subscription
     * @param windowCovers  the job's window holds every event of the job in {@code [next, seam)}
     * @param logStart      the first offset the partition still holds
     */
    static JobSource jobSource(long next, long seam, boolean windowCovers, IntToLongFunction logStart, int partition) {
        if (windowCovers) {
            return JobSource.WINDOW;
        }
        if (next >= seam) {
            return JobSource.LOG;
        }
        return next < logStart.applyAsLong(partition) ? JobSource.JOB_API_THEN_LOG : JobSource.LOG;
    }

    /**
     * A user channel resumes only when the log still holds every partition's part of it: a user's
     * history spans jobs, and job-api keeps history per job only. False: start afresh (snapshot).
     */
    static boolean userResumable(long[] next, long[] seam, IntToLongFunction logStart) {
        for (int p = 0; p < seam.length; p++) {
            if (next[p] < seam[p] && next[p] < logStart.applyAsLong(p)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the log replay after a job snapshot starts. The gateway's own state reflects every event
     * of the job the live stream passed (both change under the seam lock), so nothing before the
     * seam is read again; job-api's record may be behind the seam, so the log fills the gap.
     *
     * @param snapshotOffset the offset of the last event the snapshot reflects, or -1 when unknown
     * @param noEventBeforeSeam the gateway knows every job with an event in the log and has seen none of
     *                          this one: it has no event before the seam, nothing to look back for
     * @param lookbackStart  where to look for a job whose position is unknown (job-api has not applied its events yet)
     */
    static long afterSnapshot(long snapshotOffset, boolean gatewayState, boolean noEventBeforeSeam, long seam,
                              IntToLongFunction lookbackStart, int partition) {
        if (snapshotOffset < 0) {
            return noEventBeforeSeam ? seam : Math.min(seam, lookbackStart.applyAsLong(partition));
        }
        return gatewayState ? Math.max(snapshotOffset + 1, seam) : snapshotOffset + 1;
    }
}
