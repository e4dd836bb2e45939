package io.stagewire.gateway.fanout;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Subscriptions by channel name: an event is delivered by two lookups (its job's channel and its
 * owner's channel), never by a scan of connections. Arrays are copied on write: subscribes are
 * rare next to events, and the dispatch path reads without locking.
 */
@ApplicationScoped
public class ChannelIndex {
    private static final Subscription[] NONE = new Subscription[0];
    private final ConcurrentHashMap<String, Subscription[]> byChannel = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    public Subscription[] subscribers(String channelName) {
        Subscription[] subscribers = byChannel.get(channelName);
        return subscribers == null ? NONE : subscribers;
    }

    void add(Subscription subscription) {
        byChannel.compute(subscription.channel().name(), (name, current) -> {
            if (current == null) {
                return new Subscription[] {subscription};
            }
            Subscription[] grown = Arrays.copyOf(current, current.length + 1);
            grown[current.length] = subscription;
            return grown;
        });
        size.incrementAndGet();
    }

    void remove(Subscription subscription) {
        byChannel.computeIfPresent(subscription.channel().name(), (name, current) -> {
            int at = -1;
            for (int i = 0; i < current.length; i++) {
                if (current[i] == subscription) {
                    at = i;
                    break;
                }
            }
            if (at < 0) {
                return current;
            }
            size.decrementAndGet();
            if (current.length == 1) {
                return null;
            }
            Subscription[] shrunk = new Subscription[current.length - 1];
            System.arraycopy(current, 0, shrunk, 0, at);
            System.arraycopy(current, at + 1, shrunk, at, current.length - at - 1);
            return shrunk;
        });
    }

    public int size() {
        return size.get();
    }
}
