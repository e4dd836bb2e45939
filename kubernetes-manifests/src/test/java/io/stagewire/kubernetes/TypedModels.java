package io.stagewire.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strimzi objects parsed into their typed models (io.strimzi:api, generated from the same sources
 * as Strimzi's CRDs). The models are lenient: a field they do not know lands in
 * {@code additionalProperties}, so {@link #unknownFields} walks the parsed tree and reports every such field by its path.
 */
final class TypedModels {
    /** A plain mapper: without fabric8's UnmatchedFieldTypeModule a value of the wrong type is an error, not an extra field. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class));

    private TypedModels() {
    }

    static Optional<Class<?>> modelOf(JsonNode object) {
        return Optional.ofNullable(MODELS.get(object.path("apiVersion").asText() + "/" + object.path("kind").asText()));
    }

    static <T> T parse(JsonNode object, Class<T> type) throws java.io.IOException {
        return MAPPER.treeToValue(object, type);
    }

    /** Paths of every field the models did not know, e.g. {@code spec.replica}. */
    static List<String> unknownFields(Object parsed) {
        List<String> found = new java.util.ArrayList<>();
        walk(parsed, "", found, 0);
        return found.stream().distinct().toList();
    }

    private static void walk(Object value, String path, List<String> found, int depth) {
        if (value == null || depth > 64) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, found, depth + 1));
            return;
        }
        Class<?> type = value.getClass();
        if (type.isEnum() || !isModel(type)) {
            return;
        }
        for (Method getter : type.getMethods()) {
            if (getter.getParameterCount() != 0 || getter.isBridge() || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || getter.getReturnType().isPrimitive()
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> found.add(join(path, String.valueOf(key))));
                }
            } else {
                String name = getter.getName().substring(3);
                walk(child, join(path, Character.toLowerCase(name.charAt(0)) + name.substring(1)), found, depth + 1);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || name.startsWith("io.strimzi.api.");
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
