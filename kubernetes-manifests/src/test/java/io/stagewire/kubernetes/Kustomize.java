package io.stagewire.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with {@code kubectl kustomize}, offline, into one JSON tree per object. */
final class Kustomize {
    static final String MISSING_KUBECTL = "kubectl not found (looked at $KUBECTL and every directory on PATH). "
            + "The tests render deploy/kubernetes with `kubectl kustomize` (no cluster needed): "
            + "run the tests through ./stagewire test (it fetches kubectl when missing) or install kubectl 1.27 or newer "
            + "(kustomize v5); Debian's kubernetes-client 1.20 is too old.";

    private static final YAMLMapper YAML = new YAMLMapper();
    /** Several test classes validate the same overlays: render each once per JVM. */
    private static final Map<Path, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    static List<JsonNode> render(Path kustomization) {
        return RENDERED.computeIfAbsent(kustomization.toAbsolutePath().normalize(), Kustomize::run);
    }

    static Optional<Path> kubectl() {
        String explicit = System.getenv("KUBECTL");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<JsonNode> run(Path dir) {
        Path kubectl = kubectl().orElseThrow(() -> new IllegalStateException(MISSING_KUBECTL));
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + dir + " took over 60 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + dir + " failed: "
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return parse(Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> parse(String multiDocumentYaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(multiDocumentYaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    objects.add(doc);
                }
            }
        }
        return objects;
    }
}
