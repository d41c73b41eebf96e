package org.omnilux.rest.internal.error;

import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Malformed JSON or JSON of the wrong shape in a request body: 400, naming the field where Jackson knows it.
 * Jackson's own messages are not passed on verbatim: they name Java classes.
 */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    private final ThrowableMapper fallback;

    public JsonExceptionMapper(ThrowableMapper fallback) {
        this.fallback = fallback;
    }

    @Override
    public Response toResponse(JsonProcessingException e) {
        if (e instanceof JsonGenerationException || e instanceof InvalidDefinitionException) {
            // writing a response, or a type Jackson cannot handle: a bug here, not the client's fault
            return fallback.toResponse(e);
        }
        if (e instanceof JsonMappingException mapping) {
            String field = fieldPath(mapping);
            String original = String.valueOf(mapping.getOriginalMessage());
            if (original.startsWith("Trailing token")) {
                return Problems.response(400, "Malformed JSON: unexpected content after the JSON value"
                        + location(e.getLocation()) + ".");
            }
            if (original.startsWith("No content to map")) {
                return Problems.response(400, "The request body must not be empty.");
            }
            if (field.isEmpty()) {
                return Problems.response(400, "The request body has the wrong JSON type.");
            }
            return Problems.builder(400, "Field '" + field + "' has the wrong JSON type.",
                    Map.of("parameter", field)).build();
        }
        String message = e instanceof StreamReadException read ? read.getOriginalMessage() : e.getOriginalMessage();
        return Problems.response(400, "Malformed JSON in the request body" + location(e.getLocation()) + ": "
                + firstLine(message));
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "could not be parsed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
