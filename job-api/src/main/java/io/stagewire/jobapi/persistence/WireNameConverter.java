package io.stagewire.jobapi.persistence;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Stores an enum by its wire name, so the database reads like the API and the events. */
abstract class WireNameConverter<E extends Enum<E> & WireNamed> implements AttributeConverter<E, String> {
    private final Class<E> type;
    private final Map<String, E> byWireName;

    WireNameConverter(Class<E> type) {
        this.type = type;
        this.byWireName = Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toUnmodifiableMap(WireNamed::wireName, Function.identity()));
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wireName();
    }

    @Override
    public E convertToEntityAttribute(String name) {
        if (name == null) {
            return null;
        }
        E value = byWireName.get(name);
        if (value == null) {
            throw new IllegalStateException("unknown " + type.getSimpleName() + " in database: " + name);
        }
        return value;
    }
}
