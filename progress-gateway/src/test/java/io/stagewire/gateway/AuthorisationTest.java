package io.stagewire.gateway;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.stagewire.gateway.support.Events;
import io.stagewire.gateway.support.JobApiDouble;
import io.stagewire.gateway.support.Jwt;
import io.stagewire.gateway.support.WsClient;
import io.stagewire.testing.ForgedTokens;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Who may connect and who may subscribe to what, with real tokens from Keycloak. */
@Tag("attack")
@QuarkusTest
@QuarkusTestResource(JobApiDouble.class)
class AuthorisationTest extends GatewayTest {

    @Test
    void upgradeWithoutTokenIsRefusedWith401() {
        assertThatThrownBy(() -> WsClient.connect(ws(), null))
                .isInstanceOfSatisfying(WsClient.Refused.class, refused -> assertThat(refused.status).isEqualTo(401));
    }

    @Test
    void forgedTokenIsRefusedWith401() {
        String forged = Jwt.forge(token("bob"), "sub", sub("alice"));
        assertThatThrownBy(() -> WsClient.connect(ws(), forged))
                .isInstanceOfSatisfying(WsClient.Refused.class, refused -> assertThat(refused.status).isEqualTo(401));
        String garbage = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";
        assertThatThrownBy(() -> WsClient.connect(ws(), garbage))
                .isInstanceOfSatisfying(WsClient.Refused.class, refused -> assertThat(refused.status).isEqualTo(401));
    }

    @Test
    void forgedForeignAndExpiredTokensAreRefusedWith401() {
        ForgedTokens.all("bob").forEach((kind, token) -> assertThatThrownBy(() -> WsClient.connect(ws(), token)).as(kind)
                .isInstanceOfSatisfying(WsClient.Refused.class, refused -> assertThat(refused.status).as(kind).isEqualTo(401)));
    }

    @Test
    void aTokenInTheUrlIsNotAccepted() {
        URI withToken = URI.create(ws() + "?access_token=" + token("bob"));
        assertThatThrownBy(() -> WsClient.connect(withToken, null))
                .isInstanceOfSatisfying(WsClient.Refused.class, refused -> assertThat(refused.status).isEqualTo(401));
    }

    @Test
    void browserCarriesTheTokenInTheSubprotocol() {
        try (WsClient client = WsClient.connect(ws(), token("bob"), "http://localhost:8080", true)) {
            // A browser fails a handshake that answers none of the subprotocols it offered; the token-carrying
            // entry is taken out of the request once verified (UpgradeTokenScrub), the carrier stays.
            assertThat(client.subprotocol()).isEqualTo("bearer-token-carrier");
            client.send("{\"op\":\"ping\"}");
            assertThat(client.next(WAIT).path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void pageFromAnotherSiteIsRefused() {
        assertThatThrownBy(() -> WsClient.connect(ws(), token("bob"), "https://evil.example", true))
                .isInstanceOfSatisfying(WsClient.Refused.class, refused -> assertThat(refused.status).isEqualTo(403));
        try (WsClient client = WsClient.connect(ws(), token("bob"), "https://dashboard.example", false)) {
            client.send("{\"op\":\"ping\"}");
            assertThat(client.next(WAIT).path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void ownerOtherUserAndAdminOnAJobSeenInEvents() {
        String jobId = Events.newJobId();
        Events.Sent first = Events.progress(jobId, sub("bob"), 1);
        awaitSeen(jobId, first);

        try (WsClient bob = connect("bob"); WsClient carol = connect("carol"); WsClient alice = connect("alice")) {
            bob.subscribe("job:" + jobId, first.position());
            subscribed(bob, "job:" + jobId);

            carol.subscribe("job:" + jobId, first.position());
            JsonNode refused = carol.next(WAIT);
            assertThat(refused.path("type").asText()).isEqualTo("error");
            assertThat(refused.path("code").asText()).isEqualTo("forbidden");
            assertThat(refused.path("op").asText()).isEqualTo("subscribe");
            carol.send("{\"op\":\"ping\"}");
            assertThat(carol.next(WAIT).path("type").asText()).as("the connection stays").isEqualTo("pong");

            alice.subscribe("job:" + jobId, first.position());
            subscribed(alice, "job:" + jobId);

            Events.Sent second = Events.progress(jobId, sub("bob"), 2);
            assertThat(bob.events("job:" + jobId, 1, WAIT).get(0).path("id").asText()).isEqualTo(second.id());
            assertThat(alice.events("job:" + jobId, 1, WAIT).get(0).path("id").asText()).isEqualTo(second.id());
            assertThat(carol.drain(java.time.Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void jobNotYetSeenIsAuthorisedByJobApi() {
        String jobId = Events.newJobId();
        JobApiDouble.putJob(jobId, sub("bob"), "queued", null);
        try (WsClient bob = connect("bob"); WsClient carol = connect("carol")) {
            bob.subscribe("job:" + jobId);
            JsonNode ok = subscribed(bob, "job:" + jobId);
            assertThat(ok.path("position").isNull()).isTrue();
            JsonNode snapshot = bob.next(WAIT);
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("data").path("status").asText()).isEqualTo("queued");

            carol.subscribe("job:" + jobId);
            assertThat(carol.next(WAIT).path("code").asText()).isEqualTo("forbidden");

            Events.Sent created = Events.progress(jobId, sub("bob"), 0);
            assertThat(bob.events("job:" + jobId, 1, WAIT).get(0).path("position").asText()).isEqualTo(created.position());
        }
    }

    @Test
    void userChannelsAreTheirUsersOwnAndAdminsMaySeeAll() {
        try (WsClient bob = connect("bob"); WsClient alice = connect("alice")) {
            bob.subscribe("user:" + sub("carol"));
            assertThat(bob.next(WAIT).path("code").asText()).isEqualTo("forbidden");
            bob.subscribe("user:" + sub("bob"));
            subscribed(bob, "user:" + sub("bob"));
            alice.subscribe("user:" + sub("bob"));
            subscribed(alice, "user:" + sub("bob"));
        }
    }

    /** Waits until the gateway has dispatched the event, so that it knows the job's owner from events alone. */
    private void awaitSeen(String jobId, Events.Sent event) {
        awaitDispatched(ws(), jobId, event);
    }
}
