package io.stagewire.jobapi.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.stagewire.events.Topics;
import io.stagewire.jobapi.support.Api;
import io.stagewire.jobapi.support.Kafka;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A job committed while another run holds the relay lock is sent as soon as the lock is free, not at the next
 * scheduled run: the scheduled relay runs hourly here, so only the immediate delivery's retry can send it.
 */
@QuarkusTest
@TestProfile(OutboxRelayLockTest.HourlyRelay.class)
class OutboxRelayLockTest {

    public static class HourlyRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stagewire.outbox.relay-every", "1h");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aJobCommittedWhileTheRelayLockIsHeldIsSentOnceTheLockIsFree() throws Exception {
        // The scheduled relay's one run in this hour comes 2 s after start (delayed = "2s"): let it pass first.
        Thread.sleep(2_500);
        try (Kafka.Tail crawls = Kafka.tail(Topics.CRAWL_REQUESTS);
             Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.LOCK_KEY);
                lock.execute();
            }
            String id = Api.createJob("bob", 2);

            assertThat(crawls.during(id, Duration.ofMillis(800))).as("nothing sent while the lock is held").isEmpty();

            holder.commit();
            assertThat(crawls.await(id, 1, Duration.ofSeconds(5))).as("sent once the lock is free").hasSize(1);
            assertThat(crawls.during(id, Duration.ofSeconds(1))).as("and only once").hasSize(1);
        }
    }
}
