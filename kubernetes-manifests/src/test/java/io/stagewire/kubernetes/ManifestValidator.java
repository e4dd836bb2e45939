package io.stagewire.kubernetes;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every rendered object must be known: a core Kubernetes object valid against the API server's
 * OpenAPI definitions, a Strimzi object parsed into its typed model with no unknown field, or an
 * object valid against its operator's CRD schema. An object of a kind none of them knows is itself
 * a problem, so a new kind cannot slip in unchecked.
 */
final class ManifestValidator {
    private ManifestValidator() {
    }

    /** Problems of one object, each prefixed with kind/name; empty when valid. */
    static List<String> problems(JsonNode object) {
        String id = Manifests.describe(object);
        Optional<List<String>> core = KubernetesSchemas.validate(object);
        if (core.isPresent()) {
            return core.get().stream().map(message -> id + ": " + message).toList();
        }
        List<String> problems = new ArrayList<>();
        KubernetesSchemas.validateMetadata(object).forEach(message -> problems.add(id + ": " + message));
        Optional<Class<?>> model = TypedModels.modelOf(object);
        if (model.isPresent()) {
            try {
                // metadata was checked against ObjectMeta above
                TypedModels.unknownFields(TypedModels.parse(object, model.get())).stream()
                        .filter(field -> !field.startsWith("metadata."))
                        .forEach(field -> problems.add(id + ": unknown field " + field));
            } catch (IOException e) {
                problems.add(id + ": does not parse into " + model.get().getSimpleName() + ": " + describe(e));
            }
            return problems;
        }
        Optional<List<String>> schemaMessages = CrdSchemas.validate(object);
        if (schemaMessages.isPresent()) {
            schemaMessages.get().forEach(message -> problems.add(id + ": " + message));
        } else {
            problems.add(id + ": no schema or typed model for apiVersion " + object.path("apiVersion").asText()
                    + " kind " + object.path("kind").asText());
        }
        return problems;
    }

    static List<String> problems(List<JsonNode> objects) {
        return objects.stream().flatMap(o -> problems(o).stream()).toList();
    }

    /** Jackson's reason plus the field path it failed at, e.g. {@code spec.replicas: Cannot deserialize value of type `int` from String "three"}. */
    private static String describe(IOException e) {
        if (e instanceof JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path + ": " + mapping.getOriginalMessage();
        }
        return e.getMessage();
    }
}
