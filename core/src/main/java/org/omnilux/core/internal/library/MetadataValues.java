package org.omnilux.core.internal.library;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.omnilux.api.scanner.MetadataField;
import org.omnilux.api.service.InvalidInputException;

/** Checks a user-written metadata value against its declared type and returns it in its stored form. */
final class MetadataValues {
    private MetadataValues() {
    }

    static Object check(String field, MetadataField.Type type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type) {
            case STRING:
                if (value instanceof String s) {
                    return s;
                }
                throw wrong(field, "a string");
            case INTEGER:
                Long l = integral(value);
                if (l != null) {
                    return l;
                }
                throw wrong(field, "an integer");
            case DECIMAL:
                if (value instanceof Number n) {
                    double d = n.doubleValue();
                    if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                        return d;
                    }
                }
                throw wrong(field, "a number");
            case BOOLEAN:
                if (value instanceof Boolean b) {
                    return b;
                }
                throw wrong(field, "true or false");
            case DATE:
                if (value instanceof String s) {
                    try {
                        return LocalDate.parse(s).toString();
                    } catch (DateTimeParseException e) {
                        // fall through
                    }
                }
                throw wrong(field, "a date as YYYY-MM-DD");
            case STRING_LIST:
                if (value instanceof List<?> list) {
                    List<String> out = new ArrayList<>();
                    for (Object o : list) {
                        if (!(o instanceof String s)) {
                            throw wrong(field, "an array of strings");
                        }
                        out.add(s);
                    }
                    return out;
                }
                throw wrong(field, "an array of strings");
            case OBJECT_LIST:
                if (value instanceof List<?> list) {
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (Object o : list) {
                        if (!(o instanceof Map<?, ?> m)) {
                            throw wrong(field, "an array of objects");
                        }
                        Map<String, Object> copy = new LinkedHashMap<>();
                        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
                        out.add(copy);
                    }
                    return out;
                }
                throw wrong(field, "an array of objects");
            default:
                throw wrong(field, "of a known type");
        }
    }

    /** @return the value as a long when it is an integral number, else {@code null} */
    static Long integral(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return (long) d;
            }
        }
        return null;
    }

    private static InvalidInputException wrong(String field, String what) {
        return new InvalidInputException(field, "'" + field + "' must be " + what);
    }
}
