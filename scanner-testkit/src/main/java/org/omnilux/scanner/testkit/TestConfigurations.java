package org.omnilux.scanner.testkit;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a component property type instance (the {@code @ObjectClassDefinition} annotation a scanner takes in its
 * {@code @Activate} constructor and {@code @Modified} method) from a property map, the way Declarative Services
 * does: missing properties take the element's default, {@code .cfg} strings are converted to the element's type,
 * a scalar becomes a one-element array and an array gives its first element to a scalar. So a scanner's mapping of
 * its configuration can be unit tested without a framework.
 *
 * <pre>{@code
 * MyScanner.Config config = TestConfigurations.of(MyScanner.Config.class, Map.of("extensions", "foo, bar"));
 * }</pre>
 *
 * <p>Element names map to property names as in DS: {@code __} is {@code _}, a single {@code _} is {@code .},
 * {@code $_$} is {@code -}, {@code $$} is {@code $} and a single {@code $} is dropped.
 */
public final class TestConfigurations {

    private TestConfigurations() {
    }

    /** @return an instance of the property type with every element at its default */
    public static <A> A defaults(Class<A> type) {
        return of(type, Map.of());
    }

    /**
     * @param type       an annotation (or interface) whose elements are the properties
     * @param properties property name to value: {@code String}, {@code Number}, {@code Boolean}, arrays or
     *                   collections of these
     * @return an instance answering each element from the properties, else its default
     * @throws IllegalArgumentException when a value cannot be converted, as DS would fail the activation
     */
    public static <A> A of(Class<A> type, Map<String, ?> properties) {
        Objects.requireNonNull(type, "type");
        Map<String, ?> props = Map.copyOf(properties);
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    if (method.getParameterCount() == 0) {
                        return type;
                    }
                    break;
                case "toString":
                    if (method.getParameterCount() == 0) {
                        return "@" + type.getName() + props;
                    }
                    break;
                case "hashCode":
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(self);
                    }
                    break;
                case "equals":
                    if (method.getParameterCount() == 1) {
                        return self == args[0];
                    }
                    break;
                default:
                    break;
            }
            String name = propertyName(method.getName());
            Object raw = props.containsKey(name) ? props.get(name) : method.getDefaultValue();
            return convert(raw, method.getReturnType(), method);
        });
        return type.cast(proxy);
    }

    /** The DS 1.4 mapping of an element name to a property name. */
    static String propertyName(String element) {
        StringBuilder out = new StringBuilder(element.length());
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c == '_') {
                if (i + 1 < element.length() && element.charAt(i + 1) == '_') {
                    out.append('_');
                    i++;
                } else {
                    out.append('.');
                }
            } else if (c == '$') {
                if (element.startsWith("$_$", i)) {
                    out.append('-');
                    i += 2;
                } else if (i + 1 < element.length() && element.charAt(i + 1) == '$') {
                    out.append('$');
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Object convert(Object raw, Class<?> target, Method method) {
        if (target.isArray()) {
            Class<?> component = target.getComponentType();
            List<Object> items = items(raw);
            Object array = Array.newInstance(component, items.size());
            for (int i = 0; i < items.size(); i++) {
                Array.set(array, i, scalar(items.get(i), component, method));
            }
            return array;
        }
        List<Object> items = items(raw);
        return scalar(items.isEmpty() ? null : items.get(0), target, method);
    }

    private static List<Object> items(Object raw) {
        List<Object> items = new ArrayList<>();
        if (raw == null) {
            return items;
        }
        if (raw.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(raw); i++) {
                items.add(Array.get(raw, i));
            }
        } else if (raw instanceof Collection<?> collection) {
            items.addAll(collection);
        } else {
            items.add(raw);
        }
        return items;
    }

    private static Object scalar(Object value, Class<?> target, Method method) {
        if (value == null) {
            return zero(target);
        }
        try {
            String text = value.toString().strip();
            if (target == String.class) {
                return value.toString();
            }
            if (target == int.class || target == Integer.class) {
                return value instanceof Number n ? n.intValue() : Integer.parseInt(text);
            }
            if (target == long.class || target == Long.class) {
                return value instanceof Number n ? n.longValue() : Long.parseLong(text);
            }
            if (target == double.class || target == Double.class) {
                return value instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
            }
            if (target == float.class || target == Float.class) {
                return value instanceof Number n ? n.floatValue() : Float.parseFloat(text);
            }
            if (target == boolean.class || target == Boolean.class) {
                return value instanceof Boolean b ? b : Boolean.parseBoolean(text);
            }
            if (target.isEnum()) {
                for (Object constant : target.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(text)) {
                        return constant;
                    }
                }
                throw new IllegalArgumentException("no constant " + text + " in " + target.getName());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property of " + method.getName() + ": cannot convert '" + value
                    + "' to " + target.getSimpleName(), e);
        }
        throw new IllegalArgumentException("unsupported property type " + target.getName() + " of " + method.getName());
    }

    private static Object zero(Class<?> target) {
        if (!target.isPrimitive()) {
            return null;
        }
        if (target == boolean.class) {
            return false;
        }
        if (target == char.class) {
            return '\0';
        }
        return Array.get(Array.newInstance(target, 1), 0);
    }
}
