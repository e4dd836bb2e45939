package io.stagewire.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Core Kubernetes objects (Deployment, Service, NetworkPolicy, ...) and every object's metadata,
 * checked against the API server's own OpenAPI definitions (vendored, see crd-schemas/SOURCES.md)
 * the way {@code kubectl apply --validate=strict} would: an unknown field, a missing required one or
 * a value of the wrong type is an error. fabric8's typed models cannot do this: they accept unknown
 * fields into {@code additionalProperties} and know nothing of required fields.
 */
final class KubernetesSchemas {
    private static final String RESOURCE = "/kubernetes-openapi/kubernetes-1.36-swagger.json.gz";
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final ObjectNode DEFINITIONS;
    /** "apps/v1/Deployment" → "io.k8s.api.apps.v1.Deployment", from each definition's x-kubernetes-group-version-kind. */
    private static final Map<String, String> BY_KIND = new HashMap<>();
    private static final Map<String, JsonSchema> COMPILED = new ConcurrentHashMap<>();

    static {
        try (InputStream in = new GZIPInputStream(resource())) {
            DEFINITIONS = (ObjectNode) JSON.readTree(in).path("definitions");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DEFINITIONS.properties().forEach(entry -> entry.getValue().path("x-kubernetes-group-version-kind").forEach(gvk -> {
            String group = gvk.path("group").asText();
            String apiVersion = group.isEmpty() ? gvk.path("version").asText() : group + "/" + gvk.path("version").asText();
            BY_KIND.put(apiVersion + "/" + gvk.path("kind").asText(), entry.getKey());
        }));
        // Two types the API server decodes from either JSON type, though the definitions say "string".
        DEFINITIONS.set("io.k8s.apimachinery.pkg.util.intstr.IntOrString", anyOf("integer", "string"));
        DEFINITIONS.set("io.k8s.apimachinery.pkg.api.resource.Quantity", anyOf("number", "string"));
        DEFINITIONS.forEach(definition -> CrdSchemas.tighten((ObjectNode) definition));
    }

    private KubernetesSchemas() {
    }

    static boolean knows(JsonNode object) {
        return BY_KIND.containsKey(object.path("apiVersion").asText() + "/" + object.path("kind").asText());
    }

    /** The whole object against its kind's definition; empty when the kind is not a core one. */
    static Optional<List<String>> validate(JsonNode object) {
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String definition = BY_KIND.get(key);
        if (definition == null) {
            return Optional.empty();
        }
        return Optional.of(messages(COMPILED.computeIfAbsent(key, k -> compile(ref(definition))), object));
    }

    /** Only {@code metadata}, against ObjectMeta: for the kinds checked by a CRD schema or a typed model. */
    static List<String> validateMetadata(JsonNode object) {
        JsonSchema schema = COMPILED.computeIfAbsent("metadata", k -> {
            ObjectNode root = JSON.createObjectNode();
            root.putObject("properties").set("metadata", ref(OBJECT_META));
            return compile(root);
        });
        return messages(schema, object);
    }

    private static ObjectNode ref(String definition) {
        return JSON.createObjectNode().put("$ref", "#/definitions/" + definition);
    }

    private static JsonSchema compile(ObjectNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.set("definitions", DEFINITIONS);
        root.putArray("allOf").add(schema);
        return FACTORY.getSchema(root);
    }

    private static List<String> messages(JsonSchema schema, JsonNode object) {
        return schema.validate(object).stream()
                .map(ValidationMessage::getMessage)
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    private static ObjectNode anyOf(String... types) {
        ObjectNode schema = JSON.createObjectNode();
        for (String type : types) {
            schema.withArray("anyOf").addObject().put("type", type);
        }
        return schema;
    }

    private static InputStream resource() {
        InputStream in = KubernetesSchemas.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " missing from the test resources");
        }
        return in;
    }
}
