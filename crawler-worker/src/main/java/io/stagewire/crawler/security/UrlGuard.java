package io.stagewire.crawler.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.stagewire.crawler.config.CrawlerWorkerConfig;

/**
 * SSRF guard: decides whether the crawler may fetch a URL. Only http and https without user info, and only
 * hosts whose every address is public, unless the host:port is on the allow-list. Thread-safe.
 */
@ApplicationScoped
public class UrlGuard {

    private static final Set<String> SCHEMES = Set.of("http", "https");

    // A host whose last label is a number is an IPv4 address to a browser (WHATWG URL), in any of the
    // forms 127.1, 0x7f.1, 017700000001 or 2130706433. Java reads some of them differently, so only the
    // plain dotted quad is accepted.
    private static final Pattern NUMERIC_LABEL = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private final Set<String> allowList;
    private final HostResolver resolver;

    @Inject
    UrlGuard(CrawlerWorkerConfig config) {
        this(config.allowList().orElse(List.of()), HostResolver.SYSTEM);
    }

    public UrlGuard(Collection<String> allowList, HostResolver resolver) {
        this.allowList = allowList.stream().map(UrlGuard::endpointKey).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** Throws with the reason unless the URL may be fetched. */
    public void requireAllowed(URI url) {
        GuardVerdict verdict = check(url);
        if (!verdict.isAllowed()) {
            throw new RefusedUrlException(url.toString(), verdict.refusal());
        }
    }

    public GuardVerdict check(String url) {
        try {
            return check(new URI(url));
        } catch (URISyntaxException e) {
            return GuardVerdict.refused("not a valid URL (" + e.getReason() + ")");
        }
    }

    public GuardVerdict check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return GuardVerdict.refused(scheme.isEmpty()
                    ? "URL has no scheme (only http and https are allowed)"
                    : "scheme " + scheme + " is not allowed (only http and https)");
        }
        if (url.getRawUserInfo() != null) {
            return GuardVerdict.refused("URL carries user info (credentials), which is not allowed");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return GuardVerdict.refused("URL has no valid host");
        }
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return checkEndpoint(url.getHost(), port);
    }

    /** For a connection without a URL (an HTTP proxy's CONNECT): host, IPv6 in brackets or not, and port. */
    public GuardVerdict checkEndpoint(String host, int port) {
        String bare = host.toLowerCase(Locale.ROOT);
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (!bare.contains(":") && isAmbiguousNumeric(bare)) {
            return GuardVerdict.refused("host " + host + " is a numeric address in a non-standard form");
        }
        List<InetAddress> addresses;
        try {
            addresses = Arrays.asList(resolver.resolve(bare));
        } catch (UnknownHostException e) {
            return GuardVerdict.refused("host " + host + " does not resolve");
        }
        if (addresses.isEmpty()) {
            return GuardVerdict.refused("host " + host + " does not resolve");
        }
        if (allowList.contains(endpointKey(bare, port))) {
            return GuardVerdict.allowed(addresses);
        }
        boolean isLiteral = bare.contains(":") || DOTTED_QUAD.matcher(bare).matches();
        for (InetAddress address : addresses) {
            Optional<String> blocked = BlockedAddresses.describe(address);
            if (blocked.isPresent()) {
                return GuardVerdict.refused("host " + host + " resolves to " + blocked.get()
                        + (isLiteral ? "" : " (" + address.getHostAddress() + ")"));
            }
        }
        return GuardVerdict.allowed(addresses);
    }

    private static boolean isAmbiguousNumeric(String host) {
        String withoutTrailingDot = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String lastLabel = withoutTrailingDot.substring(withoutTrailingDot.lastIndexOf('.') + 1);
        return NUMERIC_LABEL.matcher(lastLabel).matches() && !DOTTED_QUAD.matcher(host).matches();
    }

    /** Normalises an allow-list entry {@code host:port} or {@code [v6]:port}. */
    private static String endpointKey(String entry) {
        URI parsed = URI.create("http://" + entry.strip());
        if (parsed.getHost() == null || parsed.getPort() == -1) {
            throw new IllegalArgumentException(
                    "stagewire.crawler.allow-list entry '" + entry + "' is not host:port");
        }
        return endpointKey(parsed.getHost(), parsed.getPort());
    }

    private static String endpointKey(String host, int port) {
        String bare = host.toLowerCase(Locale.ROOT);
        if (bare.startsWith("[")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (bare.contains(":")) {
            // One spelling per IPv6 address, so [::1] and [0:0:0:0:0:0:0:1] are the same entry.
            try {
                bare = InetAddress.getByName(bare).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IPv6 address: " + host, e);
            }
        }
        return bare + "|" + port;
    }
}
