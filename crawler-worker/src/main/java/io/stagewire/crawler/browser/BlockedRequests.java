package io.stagewire.crawler.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Requests the context's egress proxy listener refused, collected on the proxy's event loop and handed to the crawl's
 * own thread, so a crawl listener never runs on (and never stalls) the proxy.
 */
final class BlockedRequests {

    private final Queue<BlockedRequest> pending = new ConcurrentLinkedQueue<>();

    void add(BlockedRequest request) {
        pending.add(request);
    }

    List<BlockedRequest> drain() {
        List<BlockedRequest> drained = new ArrayList<>();
        for (BlockedRequest request; (request = pending.poll()) != null;) {
            drained.add(request);
        }
        return drained;
    }
}
