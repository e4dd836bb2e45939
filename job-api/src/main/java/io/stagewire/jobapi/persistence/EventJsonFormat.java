package io.stagewire.jobapi.persistence;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.stagewire.events.StageEventJson;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * JSON columns are read and written with the event mapper, as the events they come from: decimals keep their
 * scale (a summary's {@code 12.50} stays {@code 12.50}) and a column holds what the event held.
 */
@JsonFormat
@PersistenceUnitExtension
@ApplicationScoped
public class EventJsonFormat implements FormatMapper {
    private final FormatMapper delegate = new JacksonJsonFormatMapper(StageEventJson.mapper());

    @Override
    public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
        return delegate.fromString(json, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return delegate.toString(value, type, options);
    }
}
