package io.stagewire.events.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagewire.events.Decoded;
import io.stagewire.events.EventType;
import io.stagewire.events.StageEvent;
import io.stagewire.events.StageEventCodec;
import io.stagewire.events.StageEventJson;
import io.stagewire.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Schema and record cannot drift: every type's record has exactly its schema's fields, typed alike. */
class EventDataSchemaTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theRecordHasExactlyTheSchemasFields(EventType type) throws IOException {
        JsonNode schema = schema(type);
        Class<? extends EventData> record = EventData.classOf(type);
        Map<String, RecordComponent> components = Arrays.stream(record.getRecordComponents())
                .filter(c -> !c.getName().equals("extra"))
                .collect(Collectors.toMap(RecordComponent::getName, c -> c));

        assertThat(components.keySet()).as(record.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(fieldNames(schema.path("properties")));
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").properties().forEach(property -> {
            RecordComponent component = components.get(property.getKey());
            String schemaType = baseType(property.getValue());
            assertThat(javaTypeFits(schemaType, property.getValue(), component.getType()))
                    .as("%s.%s: %s for schema type %s", record.getSimpleName(), component.getName(),
                            component.getType().getSimpleName(), schemaType)
                    .isTrue();
            boolean nullable = isNullable(property.getValue());
            JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
            assertThat(include != null && include.value() == JsonInclude.Include.ALWAYS)
                    .as("%s.%s is written even when null exactly when the schema allows null",
                            record.getSimpleName(), component.getName())
                    .isEqualTo(nullable);
            if (required.contains(property.getKey()) && schemaType.equals("integer")) {
                assertThat(component.getType().isPrimitive()).as("%s.%s is required", record.getSimpleName(),
                        component.getName()).isTrue();
            }
        });
        assertThat(type.wireName()).isEqualTo(instance(record).type().wireName());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aFullExampleWithAnotherSystemsFieldsRoundTripsUnchangedAndValid(EventType type) throws IOException {
        ObjectNode example = example(schema(type));
        example.putObject("vendorDetails").put("rowsProcessed", 1200).put("ratio", new BigDecimal("0.50"));
        example.put("vendorNote", "kept as sent");

        EventData data = EventData.of(event(type, example));

        assertThat(data.extra()).containsOnlyKeys("vendorDetails", "vendorNote");
        // As JSON, not as Java nodes: a long written back is the same number as the int it was read from.
        assertThat(reparsed(data.toJson())).isEqualTo(reparsed(example));
        assertThat(data.toJson().toString()).contains("0.50");
        ProducerRecord<String, byte[]> record = StageEventCodec.toRecord(Topics.JOB_EVENTS,
                data.toEvent("e-1", "/test", "job-1", "user-1", OffsetDateTime.now()));
        Decoded decoded = StageEventCodec.decode(record.key(), record.headers(), record.value(), 0L);
        assertThat(decoded).as("%s is valid for its schema", type).isInstanceOf(Decoded.Valid.class);
    }

    /**
     * Every integer a producer may send is bounded by its schema to what its Java field holds, so
     * every consumer refuses the same records at the codec: an unbounded one would pass the
     * gateway and fail job-api's binding ("out of range of int") — one reader applying what the
     * other refused.
     */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyIntegerIsBoundedToWhatItsFieldHolds(EventType type) throws IOException {
        ObjectNode example = example(schema(type));
        List<String> integers = new java.util.ArrayList<>();
        integerPointers(schema(type), "", integers);
        for (String pointer : integers) {
            JsonNode property = propertyAt(schema(type), pointer);
            assertThat(property.has("maximum")).as("%s %s has a maximum", type, pointer).isTrue();
            BigDecimal maximum = property.path("maximum").decimalValue();

            ObjectNode atMaximum = example.deepCopy();
            ((ObjectNode) atMaximum.at(parent(pointer))).put(last(pointer), maximum);
            assertThat(decode(type, atMaximum)).as("%s %s = %s", type, pointer, maximum).isInstanceOf(Decoded.Valid.class);
            EventData bound = EventData.of(event(type, atMaximum));
            assertThat(reparsed(bound.toJson()).at(pointer).decimalValue()).as("%s %s bound", type, pointer)
                    .isEqualByComparingTo(maximum);

            ObjectNode above = example.deepCopy();
            ((ObjectNode) above.at(parent(pointer))).put(last(pointer), maximum.add(BigDecimal.ONE));
            assertThat(decode(type, above)).as("%s %s = maximum + 1", type, pointer).isInstanceOf(Decoded.Invalid.class)
                    .extracting(d -> ((Decoded.Invalid) d).reason()).asString()
                    .contains("$" + pointer.replace('/', '.')).contains("maximum value of " + maximum.toPlainString());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventOfAnotherTypeIsNotReadAsThisOne(EventType type) {
        EventType other = type == EventType.JOB_CREATED ? EventType.JOB_UPDATED : EventType.JOB_CREATED;
        StageEvent event = event(other, StageEventJson.object());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventData.as(event, EventData.classOf(type)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** JSON pointers (into {@link #example}) of every integer the schema allows, nested ones included. */
    private static void integerPointers(JsonNode schema, String at, List<String> pointers) {
        schema.path("properties").properties().forEach(property -> {
            String pointer = at + "/" + property.getKey();
            JsonNode value = property.getValue();
            switch (baseType(value)) {
                case "integer" -> pointers.add(pointer);
                case "object" -> {
                    if (value.has("properties")) {
                        integerPointers(value, pointer, pointers);
                    } else if (baseType(value.path("additionalProperties")).equals("integer")) {
                        pointers.add(pointer + "/some");
                    }
                }
                case "array" -> {
                    if (value.path("items").has("properties")) {
                        integerPointers(value.path("items"), pointer + "/0", pointers);
                    }
                }
                default -> { }
            }
        });
    }

    private static JsonNode propertyAt(JsonNode schema, String pointer) {
        JsonNode node = schema;
        for (String step : pointer.substring(1).split("/")) {
            node = step.equals("some") ? node.path("additionalProperties")
                    : step.equals("0") ? node.path("items") : node.path("properties").path(step);
        }
        return node;
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String last(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    /** Decodes {@code data} as another system would send it: the headers of a valid event, this value. */
    private static Decoded decode(EventType type, ObjectNode data) throws IOException {
        ProducerRecord<String, byte[]> valid = StageEventCodec.toRecord(Topics.JOB_EVENTS, event(type, example(schema(type))));
        return StageEventCodec.decode(valid.key(), valid.headers(), StageEventJson.mapper().writeValueAsBytes(data), 0L);
    }

    private static JsonNode reparsed(JsonNode node) throws IOException {
        return StageEventJson.mapper().readTree(node.toString());
    }

    private static StageEvent event(EventType type, ObjectNode data) {
        return new StageEvent("e-1", type, "/test", "job-1", "user-1", OffsetDateTime.now(), data);
    }

    private static EventData instance(Class<? extends EventData> record) {
        return StageEventJson.mapper().convertValue(StageEventJson.object(), record);
    }

    private static boolean javaTypeFits(String schemaType, JsonNode property, Class<?> type) {
        return switch (schemaType) {
            case "integer" -> List.of(int.class, long.class, Integer.class, Long.class).contains(type);
            case "number" -> type == BigDecimal.class;
            case "string" -> type == String.class;
            // Any field with values of one type: a map; listed fields only: a record; anything: a JSON tree.
            case "object" -> property.path("additionalProperties").isObject() ? Map.class.isAssignableFrom(type)
                    : property.has("properties") ? type.isRecord() : type == JsonNode.class;
            case "array" -> List.class.isAssignableFrom(type);
            default -> false;
        };
    }

    private static String baseType(JsonNode property) {
        JsonNode type = property.path("type");
        if (type.isArray()) {
            return StreamSupport.stream(type.spliterator(), false).map(JsonNode::asText)
                    .filter(t -> !t.equals("null")).findFirst().orElseThrow();
        }
        return type.isMissingNode() && property.has("enum") ? "string" : type.asText();
    }

    private static boolean isNullable(JsonNode property) {
        return StreamSupport.stream(property.path("type").spliterator(), false).anyMatch(t -> t.asText().equals("null"));
    }

    private static Set<String> fieldNames(JsonNode properties) {
        Set<String> names = new HashSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A value for every property the schema lists, valid for it; decimals with a trailing zero. */
    private static ObjectNode example(JsonNode schema) {
        ObjectNode example = StageEventJson.object();
        schema.path("properties").properties().forEach(property -> example.set(property.getKey(), value(property.getValue())));
        return example;
    }

    private static JsonNode value(JsonNode property) {
        if (property.has("enum")) {
            return property.path("enum").get(0);
        }
        return switch (baseType(property)) {
            case "integer" -> StageEventJson.mapper().getNodeFactory().numberNode(3);
            case "number" -> StageEventJson.mapper().getNodeFactory().numberNode(new BigDecimal("0.50"));
            case "string" -> StageEventJson.mapper().getNodeFactory().textNode(property.has("pattern") ? "12.50" : "x");
            case "array" -> {
                ArrayNode array = StageEventJson.mapper().createArrayNode();
                array.add(value(property.path("items")));
                yield array;
            }
            case "object" -> objectValue(property);
            default -> throw new IllegalArgumentException(property.toString());
        };
    }

    private static JsonNode objectValue(JsonNode property) {
        if (property.has("properties")) {
            return example(property);
        }
        ObjectNode object = StageEventJson.object();
        JsonNode additional = property.path("additionalProperties");
        if (additional.isObject()) {
            object.set("some", value(additional));
        }
        return object;
    }

    private static JsonNode schema(EventType type) throws IOException {
        String name = "io/stagewire/events/schemas/data/" + type.wireName().replace(':', '-') + ".schema.json";
        try (InputStream in = EventDataSchemaTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return StageEventJson.mapper().readTree(in);
        }
    }
}
