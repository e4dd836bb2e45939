package io.stagewire.jobapi.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a waiting job is told its place: every change near the front, a tenth's move further back (no N² storm). */
class QueuePlaceAnnouncementTest {

    @Test
    void everyChangeNearTheFrontAndATenthFurtherBack() {
        assertThat(ScheduledAnnouncements.worthAnnouncing(null, 500)).as("first place known").isTrue();
        assertThat(ScheduledAnnouncements.worthAnnouncing(7, 7)).isFalse();
        assertThat(ScheduledAnnouncements.worthAnnouncing(9, 8)).isTrue();
        assertThat(ScheduledAnnouncements.worthAnnouncing(10, 9)).isTrue();
        assertThat(ScheduledAnnouncements.worthAnnouncing(500, 499)).isFalse();
        assertThat(ScheduledAnnouncements.worthAnnouncing(500, 451)).isFalse();
        assertThat(ScheduledAnnouncements.worthAnnouncing(500, 450)).isTrue();
        assertThat(ScheduledAnnouncements.worthAnnouncing(100, 110)).as("pushed back by a tenth (a retried job went first)").isTrue();
        assertThat(ScheduledAnnouncements.worthAnnouncing(100, 101)).isFalse();
    }

    @Test
    void aQueueOfAThousandDrainingCostsThousandsOfAnnouncementsNotHalfAMillion() {
        int jobs = 1000;
        Integer[] announced = new Integer[jobs];
        long events = 0;
        // The head leaves one job at a time; after each move every waiting job is considered, as the scheduled tick does.
        for (int head = 0; head < jobs; head++) {
            for (int job = head; job < jobs; job++) {
                int place = job - head;
                if (ScheduledAnnouncements.worthAnnouncing(announced[job], place)) {
                    announced[job] = place;
                    events++;
                }
                assertThat(Math.abs(place - announced[job]) * 10).as("shown place within a tenth").isLessThanOrEqualTo(Math.max(announced[job], 9));
            }
        }
        assertThat(events).isLessThan(60_000).isGreaterThan(jobs);
        System.out.printf("a queue of %d draining: %d queue:position events (every change: %d)%n", jobs, events, (long) jobs * (jobs + 1) / 2);
    }
}
