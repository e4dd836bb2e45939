package io.stagewire.crawler.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address blocks a crawl may not reach: everything that is not a public unicast address. IPv6 forms that
 * carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the IPv4 address inside, so
 * {@code ::ffff:10.0.0.1} is as private as {@code 10.0.0.1}.
 */
final class BlockedAddresses {

    private record Block(byte[] network, int prefixLength, String description) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            if (!Arrays.equals(address, 0, fullBytes, network, 0, fullBytes)) {
                return false;
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = 0xff << (8 - remainingBits) & 0xff;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    /** An IPv6 block whose addresses hold an IPv4 address at {@code offset}. */
    private record Embedding(Block block, int offset) {
    }

    // Order matters: the first block that contains an address names it (broadcast before reserved).
    private static final List<Block> BLOCKS = List.of(
            block("0.0.0.0/8", "an unspecified address"),
            block("127.0.0.0/8", "a loopback address"),
            block("10.0.0.0/8", "a private address"),
            block("172.16.0.0/12", "a private address"),
            block("192.168.0.0/16", "a private address"),
            block("169.254.0.0/16", "a link-local address"),
            block("100.64.0.0/10", "a carrier-grade NAT address"),
            block("224.0.0.0/4", "a multicast address"),
            block("255.255.255.255/32", "a broadcast address"),
            block("240.0.0.0/4", "a reserved address"),
            block("::/128", "an unspecified address"),
            block("::1/128", "a loopback address"),
            block("fc00::/7", "a private address"),
            block("fec0::/10", "a private address"),
            block("fe80::/10", "a link-local address"),
            block("ff00::/8", "a multicast address"));

    private static final List<Embedding> EMBEDDINGS = List.of(
            new Embedding(block("::ffff:0:0/96", "IPv4-mapped"), 12),
            new Embedding(block("::/96", "IPv4-compatible"), 12),
            new Embedding(block("64:ff9b::/96", "NAT64"), 12),
            new Embedding(block("2002::/16", "6to4"), 2));

    private BlockedAddresses() {
    }

    /** What kind of non-public address this is, e.g. "a private address"; empty for a public address. */
    static Optional<String> describe(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : BLOCKS) {
            if (block.contains(bytes)) {
                return Optional.of(block.description());
            }
        }
        for (Embedding embedding : EMBEDDINGS) {
            if (embedding.block().contains(bytes)) {
                return describe(ipv4(Arrays.copyOfRange(bytes, embedding.offset(), embedding.offset() + 4)));
            }
        }
        return Optional.empty();
    }

    private static Block block(String cidr, String description) {
        int slash = cidr.indexOf('/');
        byte[] network = literal(cidr.substring(0, slash)).getAddress();
        if (cidr.contains(":") && network.length == 4) {
            // Java hands back ::ffff:a.b.c.d as an IPv4 address; the block needs the 16 IPv6 bytes.
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(network, 0, mapped, 12, 4);
            network = mapped;
        }
        return new Block(network, Integer.parseInt(cidr.substring(slash + 1)), description);
    }

    private static InetAddress literal(String address) {
        try {
            // A literal never touches DNS.
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
