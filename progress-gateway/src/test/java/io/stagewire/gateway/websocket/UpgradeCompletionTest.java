package io.stagewire.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import org.junit.jupiter.api.Test;

/**
 * A WebSocket's upgrade request is ended by reflection on Quarkus' package-private {@code done()}: this fails
 * when a Quarkus upgrade renames or removes it, instead of every stop of the gateway silently waiting the whole
 * shutdown timeout again (GatewayReplicasIT measures the stop itself).
 */
class UpgradeCompletionTest {

    @Test
    void quarkusStillHasTheRequestDoneStep() throws Exception {
        assertThat(QuarkusRequestWrapper.class.getDeclaredMethod("done").getParameterCount()).isZero();
        assertThat(UpgradeCompletion.available()).isTrue();
    }
}
