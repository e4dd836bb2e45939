package io.stagewire.crawler.security;

import java.net.InetAddress;
import java.util.List;

/**
 * The guard's answer for one URL or endpoint: the addresses it may be fetched from, or why it is refused.
 * Connecting only to these addresses (not resolving again) is what keeps DNS rebinding out.
 */
public record GuardVerdict(List<InetAddress> addresses, String refusal) {

    static GuardVerdict allowed(List<InetAddress> addresses) {
        return new GuardVerdict(List.copyOf(addresses), null);
    }

    static GuardVerdict refused(String reason) {
        return new GuardVerdict(List.of(), reason);
    }

    public boolean isAllowed() {
        return refusal == null;
    }
}
