package org.omnilux.rest.internal.json;

import java.io.IOException;

import org.omnilux.api.auth.Role;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.ws.rs.ext.ContextResolver;

/** The one {@link ObjectMapper} of the API, handed to Jersey's Jackson provider. */
public final class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = createMapper();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Dates as ISO-8601 strings, roles by their API name, nulls written (the contract shows fields that do
     * not apply as {@code null}), and strict reading: duplicate keys and trailing garbage are malformed JSON.
     */
    public static ObjectMapper createMapper() {
        SimpleModule api = new SimpleModule("omnilux-api");
        api.addSerializer(Role.class, new StdSerializer<>(Role.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(Role role, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(role.apiName());
            }
        });
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(api);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }
}
