package io.stagewire.gateway.websocket;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * websockets-next gives every connection a queue that keeps its callbacks in order (its inbound
 * "serial" mode), a Mutiny queue whose first chunk has room for Mutiny's "small" buffer size, 256
 * slots: about 1 KB per connection, allocated at the upgrade and kept for the connection's life, for
 * a client that sends a handful of frames a minute. The gateway's callbacks never block, so a
 * 16-slot chunk is plenty (the queue grows by chunks if ever needed). Mutiny's other users of that
 * size in the gateway (the dead-letter emitter) carry a trickle.
 */
@ApplicationScoped
class SmallInboundQueues {
    static final int SLOTS = 16;

    void onStart(@Observes StartupEvent event) {
        Infrastructure.setBufferSizeS(SLOTS);
    }
}
