package io.stagewire.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's own configuration says (src/main/resources/application.properties and its
 * {@code @ConfigMapping} interfaces): the source the manifests are checked against.
 */
record ServiceConfig(String name, Properties properties, Set<String> envNames, List<EnvPrefix> mappings) {
    static final List<String> SERVICES = List.of("job-api", "progress-gateway", "crawler-worker", "ocr-worker", "label-worker");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");
    private static final Pattern MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"\\)");
    private static final Pattern MAPPING_METHOD = Pattern.compile("^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*[\\w.<>?, \\[\\]]+\\s+(\\w+)\\(\\);", Pattern.MULTILINE);

    /** A {@code @ConfigMapping} prefix as env name and the env tokens of its methods (allowedOrigins: ALLOWED_ORIGINS). */
    record EnvPrefix(String prefix, Set<String> tokens) {
        /** Whether the rest of the env name after the prefix is a chain of method tokens. */
        boolean accepts(String env) {
            if (!env.startsWith(prefix + "_")) {
                return false;
            }
            return chain(env.substring(prefix.length() + 1));
        }

        private boolean chain(String rest) {
            if (tokens.contains(rest)) {
                return true;
            }
            for (String token : tokens) {
                if (rest.startsWith(token + "_") && chain(rest.substring(token.length() + 1))) {
                    return true;
                }
            }
            return false;
        }
    }

    static ServiceConfig of(String name) {
        Path module = RepoPaths.service(name);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> envNames = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            envNames.add(env(key));
            Matcher placeholders = PLACEHOLDER.matcher(properties.getProperty(key));
            while (placeholders.find()) {
                envNames.add(env(placeholders.group(1)));
            }
        }
        return new ServiceConfig(name, properties, envNames, mappings(module.resolve("src/main/java")));
    }

    /** MicroProfile Config's environment-variable form of a property name. */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Whether the service reads this STAGEWIRE_ variable: a property, a placeholder or a @ConfigMapping member. */
    boolean reads(String envName) {
        return envNames.contains(envName) || mappings.stream().anyMatch(m -> m.accepts(envName));
    }

    String get(String key, String defaultValue) {
        return resolve(properties.getProperty(key, defaultValue));
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(properties.getProperty(key)).map(ServiceConfig::resolve);
    }

    int httpPort() {
        return Integer.parseInt(get("quarkus.http.port", "8080"));
    }

    /** A health path as Quarkus serves it: /{non-application root}/{health root}/{check}. */
    String healthPath(String pathKey, String defaultLeaf) {
        String root = get("quarkus.http.non-application-root-path", "q").replaceAll("^/|/$", "");
        String health = get("quarkus.smallrye-health.root-path", "health").replaceAll("^/|/$", "");
        String leaf = get("quarkus.smallrye-health." + pathKey, defaultLeaf);
        return "/" + root + "/" + health + "/" + leaf;
    }

    String metricsPath() {
        String root = get("quarkus.http.non-application-root-path", "q").replaceAll("^/|/$", "");
        return "/" + root + "/" + get("quarkus.micrometer.export.prometheus.path", "metrics").replaceAll("^/", "");
    }

    /** Properties whose value refers to ${name}: the keys a deployment must be able to set. */
    boolean hasPlaceholder(String name) {
        return properties.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("%"))
                .anyMatch(key -> properties.getProperty(key).contains("${" + name));
    }

    boolean has(String keyPrefix) {
        return properties.stringPropertyNames().stream().anyMatch(key -> key.startsWith(keyPrefix));
    }

    /** A value with ${name:default} placeholders replaced by their defaults (what the manifests do not override). */
    private static String resolve(String value) {
        return PLACEHOLDER.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
    }

    private static List<EnvPrefix> mappings(Path sources) {
        List<EnvPrefix> mappings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher prefix = MAPPING_PREFIX.matcher(source);
                if (!prefix.find()) {
                    continue;
                }
                Set<String> tokens = new HashSet<>();
                Matcher method = MAPPING_METHOD.matcher(source);
                while (method.find()) {
                    tokens.add(env(method.group(1).replaceAll("([a-z0-9])([A-Z])", "$1_$2")));
                }
                mappings.add(new EnvPrefix(env(prefix.group(1)), tokens));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mappings;
    }
}
