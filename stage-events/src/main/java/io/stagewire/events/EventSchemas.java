package io.stagewire.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The JSON Schemas of this jar (io/stagewire/events/schemas; the contract is docs/events.md), loaded once. */
final class EventSchemas {
    private static final String ROOT = "io/stagewire/events/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final JsonSchema ENVELOPE = load("envelope.schema.json");
    private static final Map<EventType, JsonSchema> DATA = loadData();

    private EventSchemas() {
    }

    /** Violations of the envelope schema, or an empty string when there are none. */
    static String envelopeViolations(JsonNode envelope) {
        return violations(ENVELOPE, envelope);
    }

    /** Violations of the data schema of {@code type}, or an empty string when there are none. */
    static String dataViolations(EventType type, JsonNode data) {
        return violations(DATA.get(type), data);
    }

    /**
     * A fail-fast yes/no first (valid events are the rule, and collecting messages costs about as
     * much again); only an invalid node is validated in full, for the complete reason.
     */
    private static String violations(JsonSchema schema, JsonNode node) {
        if (schema.validate(node, OutputFormat.BOOLEAN)) {
            return "";
        }
        return describe(schema.validate(node));
    }

    private static String describe(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
    }

    private static Map<EventType, JsonSchema> loadData() {
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            schemas.put(type, load("data/" + type.schemaName() + ".schema.json"));
        }
        return schemas;
    }

    private static JsonSchema load(String name) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the stage-events jar: " + name);
            }
            return FACTORY.getSchema(StageEventJson.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + name, e);
        }
    }
}
