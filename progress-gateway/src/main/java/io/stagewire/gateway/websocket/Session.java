package io.stagewire.gateway.websocket;

import io.stagewire.gateway.fanout.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway keeps per WebSocket connection. Kept small on purpose (idle connections are
 * the bulk of a busy gateway): the token is not stored (callbacks get the identity from Quarkus),
 * the subscription map and the outbound backlog exist only once used.
 */
final class Session {
    final WebSocketOutbound outbound;
    final RateLimit rateLimit;
    /** The token's sub, for the per-user connection count. */
    final String user;
    /** Kept by {@link SessionSweep} on the connection's event loop. */
    long closeAtMillis;
    long nextPingAtMillis;
    int sweepSlot = -1;
    /** The sweep that holds this session, so that a close removes it without a lookup by loop. */
    volatile SessionSweep sweep;
    private Map<String, Subscription> subscriptions;

    Session(String user, WebSocketOutbound outbound, RateLimit rateLimit) {
        this.user = user;
        this.outbound = outbound;
        this.rateLimit = rateLimit;
    }

    synchronized int subscriptionCount() {
        return subscriptions == null ? 0 : subscriptions.size();
    }

    synchronized boolean has(String channel) {
        return subscriptions != null && subscriptions.containsKey(channel);
    }

    synchronized void add(Subscription subscription) {
        if (subscriptions == null) {
            subscriptions = new HashMap<>(4);
        }
        subscriptions.put(subscription.channel().name(), subscription);
    }

    synchronized Subscription remove(String channel) {
        return subscriptions == null ? null : subscriptions.remove(channel);
    }

    /** Removes the subscription only if it is still the current one for its channel. */
    synchronized void removeIfCurrent(Subscription subscription) {
        if (subscriptions != null) {
            subscriptions.remove(subscription.channel().name(), subscription);
        }
    }

    synchronized List<Subscription> removeAll() {
        List<Subscription> all = subscriptions == null ? List.of() : new ArrayList<>(subscriptions.values());
        subscriptions = null;
        return all;
    }
}
