package io.stagewire.jobapi.messaging;

import static io.stagewire.jobapi.support.Api.as;
import static io.stagewire.jobapi.support.Api.sub;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventJson;
import io.stagewire.jobapi.support.EventBus;
import io.stagewire.jobapi.support.InMemoryJobEvents;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/** An external job silent for longer than stale-after leaves the active list; its next event brings it back. */
@QuarkusTest
@TestProfile(InMemoryJobEvents.Profile.class)
class StaleExternalJobTest {
    private static final String SOURCE = "https://acme.example/erp";

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    EventBus bus;

    private static StageEvent progress(String id, String owner, int value) {
        return StageEvent.of(EventType.JOB_PROGRESS, SOURCE, id, owner,
                StageEventJson.mapper().valueToTree(Map.of("progress", value, "stage", "import")));
    }

    private static List<String> activeIds() {
        return as("carol").get("/api/jobs?status=active&userId=" + sub("carol") + "&size=100").jsonPath().getList("items.id");
    }

    @Test
    void silentExternalJobIsStaleAndNotActiveUntilItsNextEvent() {
        String id = "acme:" + UUID.randomUUID();
        String owner = sub("carol");
        bus.deliver(progress(id, owner, 10));
        assertThat(activeIds()).contains(id);
        assertThat(as("carol").get("/api/jobs/" + id).jsonPath().getBoolean("stale")).isFalse();

        // two hours without an event (default stale-after PT1H)
        sessions.withTransaction(s -> s.createMutationQuery("update Job set updatedAt = :t where id = :id")
                .setParameter("t", OffsetDateTime.now().minusHours(2)).setParameter("id", id).executeUpdate())
                .await().atMost(Duration.ofSeconds(10));
        assertThat(activeIds()).doesNotContain(id);
        assertThat(as("carol").get("/api/jobs/" + id).jsonPath().getBoolean("stale")).isTrue();

        bus.deliver(progress(id, owner, 20));
        assertThat(activeIds()).contains(id);
        assertThat(as("carol").get("/api/jobs/" + id).jsonPath().getBoolean("stale")).isFalse();
    }
}
