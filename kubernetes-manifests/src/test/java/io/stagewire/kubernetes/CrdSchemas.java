package io.stagewire.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' published CRDs (vendored under src/test/resources/crd-schemas, see SOURCES.md) as
 * JSON Schemas. The API server prunes unknown fields of a structural schema silently; here an
 * object schema without {@code x-kubernetes-preserve-unknown-fields} gets
 * {@code additionalProperties: false}, so an unknown field is an error instead of being dropped.
 */
final class CrdSchemas {
    static final List<String> FILES = List.of(
            "postgresql.cnpg.io_clusters.yaml",
            "postgresql.cnpg.io_scheduledbackups.yaml",
            "keycloaks.k8s.keycloak.org-v1.yml",
            "keycloakrealmimports.k8s.keycloak.org-v1.yml",
            "keda.sh_scaledobjects.yaml",
            "keda.sh_triggerauthentications.yaml",
            "monitoring.coreos.com_servicemonitors.yaml");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final Map<String, JsonNode> SCHEMAS = load();
    private static final Map<String, JsonSchema> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    private CrdSchemas() {
    }

    static boolean knows(JsonNode object) {
        return SCHEMAS.containsKey(key(object.path("apiVersion").asText(), object.path("kind").asText()));
    }

    /** Validation messages with their JSON paths, e.g. {@code $.spec.minReplicas: is not defined in the schema ...}. */
    static Optional<List<String>> validate(JsonNode object) {
        String key = key(object.path("apiVersion").asText(), object.path("kind").asText());
        JsonNode schema = SCHEMAS.get(key);
        if (schema == null) {
            return Optional.empty();
        }
        JsonSchema compiled = COMPILED.computeIfAbsent(key, k -> FACTORY.getSchema(schema));
        return Optional.of(compiled.validate(object).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .map(ValidationMessage::getMessage)
                .toList());
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + "/" + kind;
    }

    private static Map<String, JsonNode> load() {
        YAMLMapper yaml = new YAMLMapper();
        Map<String, JsonNode> schemas = new HashMap<>();
        for (String file : FILES) {
            try (InputStream in = CrdSchemas.class.getResourceAsStream("/crd-schemas/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("crd-schemas/" + file + " missing from the test resources");
                }
                JsonNode crd = yaml.readTree(in);
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                    // Every object has these, whether the CRD lists them or not (the Keycloak CRDs do not).
                    ObjectNode properties = schema.has("properties")
                            ? (ObjectNode) schema.get("properties") : schema.putObject("properties");
                    properties.putIfAbsent("apiVersion", yaml.createObjectNode().put("type", "string"));
                    properties.putIfAbsent("kind", yaml.createObjectNode().put("type", "string"));
                    properties.putIfAbsent("metadata", yaml.createObjectNode().put("type", "object"));
                    tighten(schema);
                    schemas.put(key(group + "/" + version.path("name").asText(), kind), schema);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }

    /** Kubernetes' structural-schema rules as plain JSON Schema (draft 4, which OpenAPI 3.0 schemas follow). */
    static void tighten(ObjectNode schema) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            schema.remove("type");
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        if (schema.path("nullable").asBoolean(false) && schema.path("type").isTextual()) {
            String type = schema.path("type").asText();
            schema.putArray("type").add(type).add("null");
        }
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if ("object".equals(schema.path("type").asText()) && schema.has("properties")
                && !preserveUnknown && !schema.has("additionalProperties")) {
            schema.put("additionalProperties", false);
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("x-kubernetes-") || name.equals("nullable")) {
                names.remove();
            }
        }
        schema.path("properties").forEach(CrdSchemas::tightenIfObject);
        tightenIfObject(schema.get("items"));
        tightenIfObject(schema.get("additionalProperties"));
        tightenIfObject(schema.get("not"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(combinator).forEach(CrdSchemas::tightenIfObject);
        }
    }

    private static void tightenIfObject(JsonNode node) {
        if (node instanceof ObjectNode object) {
            tighten(object);
        }
    }
}
