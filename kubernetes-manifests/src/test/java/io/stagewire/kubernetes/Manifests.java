package io.stagewire.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/** The objects of one rendered kustomization, with look-ups by kind and name. */
record Manifests(String overlay, List<JsonNode> objects) {
    static final List<String> OVERLAYS = List.of("base", "overlays/dev", "overlays/prod");

    static Manifests of(String overlay) {
        return new Manifests(overlay, Kustomize.render(RepoPaths.kubernetes(overlay)));
    }

    static Manifests render(Path kustomization) {
        return new Manifests(kustomization.toString(), Kustomize.render(kustomization));
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode get(String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " named " + name));
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }
}
