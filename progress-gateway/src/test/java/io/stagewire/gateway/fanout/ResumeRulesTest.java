package io.stagewire.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagewire.gateway.fanout.ResumeRules.JobSource;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.Test;

class ResumeRulesTest {
    private static final Positions POSITIONS = new Positions("9f3a61c2");
    private static final IntToLongFunction NEVER_ASKED = p -> {
        throw new AssertionError("the log was asked for partition " + p);
    };

    private static ResumeFrom job(String token) {
        return ResumeFrom.parse(Channel.job("j"), token, 3).orElseThrow();
    }

    @Test
    void aTokenOfThisEpochBehindTheSeamIsFromThisLogWithoutAskingTheLog() {
        assertThat(ResumeRules.isFromAnotherLog(job("1-41~9f3a61c2"), new long[] {0, 100, 0}, POSITIONS, NEVER_ASKED)).isFalse();
    }

    @Test
    void aTokenOfAnotherEpochIsFromAnotherLogWhateverItsOffset() {
        assertThat(ResumeRules.isFromAnotherLog(job("1-41~00000000"), new long[] {0, 100, 0}, POSITIONS, NEVER_ASKED)).isTrue();
    }

    @Test
    void aheadOfTheSeamButWithinTheLogIsAFasterReplicasToken() {
        assertThat(ResumeRules.isFromAnotherLog(job("1-120"), new long[] {0, 100, 0}, POSITIONS, p -> 130)).isFalse();
    }

    @Test
    void pastTheEndOfTheLogIsFromAnotherLog() {
        assertThat(ResumeRules.isFromAnotherLog(job("1-1042"), new long[] {0, 100, 0}, POSITIONS, p -> 130)).isTrue();
    }

    @Test
    void aUserVectorPastTheEndOfOnePartitionIsFromAnotherLog() {
        ResumeFrom user = ResumeFrom.parse(Channel.user("u"), POSITIONS.user(new long[] {5, 9000, 5}).replace("~9f3a61c2", ""), 3)
                .orElseThrow();
        AtomicInteger asked = new AtomicInteger();
        assertThat(ResumeRules.isFromAnotherLog(user, new long[] {10, 100, 10}, POSITIONS, p -> {
            asked.incrementAndGet();
            return 130;
        })).isTrue();
        assertThat(asked).as("only the partition ahead of the seam is checked").hasValue(1);
    }

    @Test
    void theWindowWinsWithoutAskingTheLog() {
        assertThat(ResumeRules.jobSource(50, 100, true, NEVER_ASKED, 1)).isEqualTo(JobSource.WINDOW);
    }

    @Test
    void atOrPastTheSeamNeedsNoHistoryAndNoLogBounds() {
        assertThat(ResumeRules.jobSource(100, 100, false, NEVER_ASKED, 1)).isEqualTo(JobSource.LOG);
        assertThat(ResumeRules.jobSource(120, 100, false, NEVER_ASKED, 1)).isEqualTo(JobSource.LOG);
    }

    @Test
    void theLogServesWhatItStillHoldsAndJobApiWhatItNoLongerDoes() {
        assertThat(ResumeRules.jobSource(50, 100, false, p -> 50, 1)).isEqualTo(JobSource.LOG);
        assertThat(ResumeRules.jobSource(49, 100, false, p -> 50, 1)).isEqualTo(JobSource.JOB_API_THEN_LOG);
    }

    @Test
    void aUserChannelResumesOnlyWhileTheLogHoldsEveryPartitionsPart() {
        assertThat(ResumeRules.userResumable(new long[] {10, 20}, new long[] {30, 20}, p -> 5)).isTrue();
        assertThat(ResumeRules.userResumable(new long[] {10, 20}, new long[] {30, 20}, p -> p == 0 ? 11 : 0)).isFalse();
        // A partition the client is level with needs no bounds.
        assertThat(ResumeRules.userResumable(new long[] {30, 20}, new long[] {30, 20}, NEVER_ASKED)).isTrue();
    }

    @Test
    void afterAGatewaySnapshotNothingBeforeTheSeamIsReadAgain() {
        assertThat(ResumeRules.afterSnapshot(40, true, false, 100, NEVER_ASKED, 1)).isEqualTo(100);
        assertThat(ResumeRules.afterSnapshot(140, true, false, 100, NEVER_ASKED, 1)).isEqualTo(141);
    }

    @Test
    void afterJobApisSnapshotTheLogFillsTheGapToTheSeam() {
        assertThat(ResumeRules.afterSnapshot(40, false, false, 100, NEVER_ASKED, 1)).isEqualTo(41);
    }

    @Test
    void aJobWithoutPositionIsLookedForBackFromTheLookbackButNotPastTheSeam() {
        assertThat(ResumeRules.afterSnapshot(-1, false, false, 100, p -> 70, 1)).isEqualTo(70);
        assertThat(ResumeRules.afterSnapshot(-1, false, false, 100, p -> 100, 1)).isEqualTo(100);
    }

    @Test
    void aJobTheCompleteDirectoryHasNotSeenHasNothingToLookBackFor() {
        // issue 11: never a 24-hour partition scan on the subscribe path while the gateway knows every job.
        assertThat(ResumeRules.afterSnapshot(-1, false, true, 100, NEVER_ASKED, 1)).isEqualTo(100);
    }
}
