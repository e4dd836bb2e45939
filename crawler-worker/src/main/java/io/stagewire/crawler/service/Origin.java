package io.stagewire.crawler.service;

import java.net.URI;
import java.util.Locale;

/** Scheme, host and port of a URL: the crawl stays on the origin its start page ended up on. */
record Origin(String scheme, String host, int port) {

    static Origin of(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return new Origin(scheme, url.getHost().toLowerCase(Locale.ROOT), port);
    }

    boolean contains(URI url) {
        return url.getScheme() != null && url.getHost() != null && equals(of(url));
    }
}
