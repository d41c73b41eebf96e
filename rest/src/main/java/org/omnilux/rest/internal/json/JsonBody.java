package org.omnilux.rest.internal.json;

import java.util.Iterator;
import java.util.Set;

import org.omnilux.api.service.InvalidInputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads fields of a JSON request body with their types checked; every error is a 400 naming the field.
 * Bodies are taken as {@link JsonNode} so that the type errors are ours to word, not Jackson's.
 */
public final class JsonBody {

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /**
     * @param allowed the fields the body may contain; others are rejected, so that a misspelt optional
     *        field is not silently ignored
     */
    public static JsonBody of(JsonNode body, Set<String> allowed) {
        ObjectNode object = object(body);
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInputException(name, "Unknown field '" + name + "'; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
        }
        return new JsonBody(object);
    }

    /** @return the body as an object, or 400 when it is missing or another JSON type */
    public static ObjectNode object(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            throw new InvalidInputException("body", "The request body must be a JSON object.");
        }
        if (!body.isObject()) {
            throw new InvalidInputException("body",
                    "The request body must be a JSON object, not " + describe(body) + ".");
        }
        return (ObjectNode) body;
    }

    public String requiredString(String field) {
        String value = optionalString(field);
        if (value == null) {
            throw new InvalidInputException(field, field + " is required.");
        }
        return value;
    }

    /** @return the string, or {@code null} when absent or JSON null */
    public String optionalString(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, field + " must be a string, not " + describe(value) + ".");
        }
        return value.textValue();
    }

    /** @return the integer, or {@code null} when absent or JSON null */
    public Long optionalLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidInputException(field, field + " must be an integer, not " + describe(value) + ".");
        }
        return value.longValue();
    }

    public static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a decimal number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "a " + value.getNodeType().name().toLowerCase();
        };
    }
}
