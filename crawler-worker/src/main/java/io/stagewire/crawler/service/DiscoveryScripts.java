package io.stagewire.crawler.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The discovery scripts run in the page (resources/discovery) and what they return, read back. */
final class DiscoveryScripts {

    private DiscoveryScripts() {
    }

    static String load(String name) {
        String resource = "/discovery/" + name;
        try (InputStream in = DiscoveryScripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the crawler's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The strings of a list a script returned; anything else is dropped. */
    static List<String> strings(Object value) {
        return value instanceof List<?> list
                ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }
}
