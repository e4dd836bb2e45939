package io.stagewire.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.websockets.next.runtime.WebSocketConnectionBase;
import io.vertx.core.http.WebSocketBase;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The event frames' fast path reaches websockets-next's package-private {@code webSocket()} by
 * reflection (issue 11): this fails when a Quarkus upgrade renames or removes it, instead of the
 * gateway silently falling back to the slower {@code sendText} path.
 */
class RawSocketsTest {

    @Test
    void websocketsNextStillExposesTheRawSocketAccessor() throws Exception {
        Method accessor = WebSocketConnectionBase.class.getDeclaredMethod("webSocket");
        assertThat(WebSocketBase.class.isAssignableFrom(accessor.getReturnType())).isTrue();
        assertThat(RawSockets.fastPathAvailable()).isTrue();
    }
}
